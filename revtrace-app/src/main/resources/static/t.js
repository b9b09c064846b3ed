/*! Revtrace web tracker: page views and form submits with UTM tags, referrer and ad click ids
 * (read by the server from the page address), under a first-party visitor id the collector keeps
 * in an HTTP-only cookie. No dependencies; about 1.5 kB. Include it on every page:
 *   <script src="https://rt.example.com/t.js" async></script>
 * Forms get a hidden field `revtrace_visitor_id`, so a lead created from the form carries the
 * visitor id and the CRM record joins the visits.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = (script && script.getAttribute("data-endpoint")) ||
    (script && script.src ? new URL("/collect", script.src).href : "/collect");
  var FIELD = "revtrace_visitor_id";
  var visitor = null;

  function id() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b + 256).toString(16).slice(1);
    }).join("");
  }

  function inject(value) {
    visitor = value;
    var forms = document.forms;
    for (var i = 0; i < forms.length; i++) {
      var field = forms[i].querySelector("input[name='" + FIELD + "']");
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = FIELD;
        forms[i].appendChild(field);
      }
      field.value = value;
    }
  }

  // One resend after a network error or 503: the event id makes a duplicate count once.
  function send(type, attempt) {
    var body = JSON.stringify({
      id: send.ids[type] || (send.ids[type] = id()),
      type: type,
      url: location.href,
      referrer: document.referrer || null
    });
    return fetch(endpoint, {
      method: "POST",
      credentials: "include",
      keepalive: true,
      headers: { "Content-Type": "text/plain" },
      body: body
    }).then(function (answer) {
      if (answer.status === 503 && !attempt) return retry(type);
      send.ids[type] = null;
      return answer.status === 200 ? answer.json() : null;
    }).then(function (data) {
      if (data && data.visitor) inject(data.visitor);
    }).catch(function () {
      if (!attempt) return retry(type);
    });
  }
  send.ids = {};

  function retry(type) {
    return new Promise(function (done) { setTimeout(done, 2000); }).then(function () {
      return send(type, 1);
    });
  }

  document.addEventListener("submit", function () { send("form"); }, true);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { send("pageview"); });
  } else {
    send("pageview");
  }
  // Forms added later (single-page sites) get the field too.
  new MutationObserver(function () { if (visitor) inject(visitor); })
    .observe(document.documentElement, { childList: true, subtree: true });
})();

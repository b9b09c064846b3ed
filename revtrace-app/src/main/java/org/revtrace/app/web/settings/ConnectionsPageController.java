package org.revtrace.app.web.settings;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.app.connect.StoredConnections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings/connections}: the connections with their last sync, a form per source to add or
 * edit one (admins), and the "Test connection" and "Sync now" buttons (analysts). Every change is a
 * form post (CSRF-protected) answered by a redirect; secrets are password fields that are never
 * filled back.
 */
@Controller
@RequestMapping("/settings/connections")
class ConnectionsPageController {

  private static final String LIST = "redirect:/settings/connections";

  private final ConnectionService service;

  ConnectionsPageController(ConnectionService service) {
    this.service = service;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("rows", service.rows());
    model.addAttribute("sources", Arrays.stream(ConnectorSource.values()).toList());
    return "settings/connections";
  }

  @GetMapping("/new")
  String create(@RequestParam("source") String source, Model model) {
    ConnectorSource chosen = source(source);
    return form(model, chosen, null, Map.of(), true, StoredConnections.DEFAULT_SYNC_EVERY_MINUTES);
  }

  @GetMapping("/{name}")
  String show(@PathVariable("name") String name, Model model) {
    ConnectionViews.Row row = found(name);
    StoredConnections.Listing connection = row.connection();
    model.addAttribute("row", row);
    model.addAttribute("runs", service.history(name, ConnectionService.HISTORY));
    return form(
        model,
        connection.source(),
        connection.name(),
        connection.settings(),
        connection.enabled(),
        connection.syncEveryMinutes());
  }

  /** Adds ({@code creating}) or replaces a connection from the form's fields. */
  @PostMapping
  String save(
      @RequestParam Map<String, String> fields,
      Principal admin,
      Model model,
      RedirectAttributes flash) {
    ConnectorSource source = source(fields.get("source"));
    boolean creating = Boolean.parseBoolean(fields.get("creating"));
    String name = fields.getOrDefault("name", "").strip();
    Map<String, String> settings = prefixed(fields, "setting.");
    boolean enabled = fields.containsKey("enabled");
    try {
      StoredConnections.Edit edit =
          ConnectionViews.edit(
              name,
              source,
              settings,
              prefixed(fields, "secret."),
              enabled,
              fields.get("sync_every_minutes"));
      ConnectionViews.Row saved = service.save(edit, creating, admin.getName());
      flash.addFlashAttribute("done", "settings.done.saved");
      return "redirect:/settings/connections/" + saved.connection().name();
    } catch (BadArgument e) {
      model.addAttribute("problem", e.getMessage());
      String existing = creating ? null : name;
      if (existing != null) {
        service
            .row(existing)
            .ifPresent(
                row -> {
                  model.addAttribute("row", row);
                  model.addAttribute("runs", service.history(existing, ConnectionService.HISTORY));
                });
      }
      model.addAttribute("typedName", name);
      return form(model, source, existing, settings, enabled, minutes(fields));
    }
  }

  @PostMapping("/{name}/test")
  String test(@PathVariable("name") String name, RedirectAttributes flash) {
    found(name);
    ConnectionService.TestResult result = service.test(name);
    flash.addFlashAttribute("testOk", result.ok());
    flash.addFlashAttribute("testMessage", result.message());
    return "redirect:/settings/connections/" + name;
  }

  @PostMapping("/{name}/sync")
  String sync(@PathVariable("name") String name, Principal user, RedirectAttributes flash) {
    found(name);
    boolean started = service.startSync(name, user.getName());
    flash.addFlashAttribute(
        "done", started ? "settings.done.sync-started" : "settings.done.running");
    return "redirect:/settings/connections/" + name;
  }

  @PostMapping("/{name}/delete")
  String delete(@PathVariable("name") String name, RedirectAttributes flash) {
    found(name);
    service.delete(name);
    flash.addFlashAttribute("done", "settings.done.deleted");
    flash.addFlashAttribute("doneName", name);
    return LIST;
  }

  private String form(
      Model model,
      ConnectorSource source,
      String name,
      Map<String, String> settings,
      boolean enabled,
      int syncEveryMinutes) {
    model.addAttribute("source", source);
    model.addAttribute("name", name);
    model.addAttribute("creating", name == null);
    model.addAttribute("plainSettings", ConnectionViews.plainSettings(source));
    model.addAttribute("secretKeys", ConnectionSettings.secretKeys(source));
    model.addAttribute("values", settings);
    Object row = model.getAttribute("row");
    if (row instanceof ConnectionViews.Row shown) {
      Map<String, ConnectionViews.Secret> states = new LinkedHashMap<>();
      shown.secrets().forEach(secret -> states.put(secret.key(), secret));
      model.addAttribute("secretStates", states);
    }
    model.addAttribute("enabled", enabled);
    model.addAttribute("syncEveryMinutes", syncEveryMinutes);
    return "settings/connection";
  }

  private ConnectionViews.Row found(String name) {
    return service
        .row(name)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no connection " + name));
  }

  private static ConnectorSource source(String code) {
    try {
      return ConnectorSource.of(code);
    } catch (BadArgument e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown source");
    }
  }

  private static int minutes(Map<String, String> fields) {
    try {
      return Integer.parseInt(fields.getOrDefault("sync_every_minutes", "").strip());
    } catch (NumberFormatException e) {
      return StoredConnections.DEFAULT_SYNC_EVERY_MINUTES;
    }
  }

  /** The fields named {@code prefix + key}, by key. */
  static Map<String, String> prefixed(Map<String, String> fields, String prefix) {
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach(
        (field, value) -> {
          if (field.startsWith(prefix)) {
            values.put(field.substring(prefix.length()), value);
          }
        });
    return values;
  }
}

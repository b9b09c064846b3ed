-- wrk script: tracker page views with unique event ids, as browsers send them.
-- usage: wrk -t2 -c64 -d30s -s bench/wrk/collect.lua http://localhost:8080
-- (start the server with REVTRACE_COLLECT_EVENTS_PER_SECOND_PER_CLIENT=1000000 and
--  REVTRACE_COLLECT_BURST_PER_CLIENT=1000000: all load comes from one address)
local counter = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

init = function()
  prefix = string.format("%08x-%04x", math.random(0, 0x7fffffff), tid or 0)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"id":"%s-%012d","type":"pageview","url":"https://www.example.com/p/%d?utm_source=yandex&utm_medium=cpc&utm_campaign=brand","referrer":"https://ya.ru/"}',
    prefix, counter, counter % 500)
  return wrk.format("POST", "/collect", {
    ["Content-Type"] = "text/plain",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
    ["Cookie"] = "rt_vid=bench-visitor-" .. string.format("%010d", counter % 10000),
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d)\n", summary.requests,
    summary.errors.status + summary.errors.timeout + summary.errors.read + summary.errors.connect,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("%.0f events/s\n", summary.requests / (summary.duration / 1e6)))
end

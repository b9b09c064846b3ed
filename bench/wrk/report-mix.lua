-- wrk script: a mix of dashboard report queries with a bearer token, and the p50/p90/p95/p99
-- latencies printed at the end (wrk's own summary has no p95).
-- usage: TOKEN=rt_... wrk -t2 -c8 -d30s -s bench/wrk/report-mix.lua http://localhost:8080
local token = os.getenv("TOKEN") or ""
local queries = {
  "/api/v1/report",
  "/api/v1/report?model=last_touch",
  "/api/v1/report?model=first_touch&from=2025-01-01&to=2025-06-30",
  "/api/v1/report?by=campaign",
  "/api/v1/report?model=w_shaped&goal=sql",
  "/api/v1/report?model=position_based&by=month",
  "/api/v1/report?model=time_decay",
  "/api/v1/report?model=markov",
  "/api/v1/report?model=shapley",
  "/api/v1/report?by=tier",
}
local only = os.getenv("ONLY")
if only then queries = { only } end
local i = 0

request = function()
  i = i + 1
  local path = queries[(i % #queries) + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d)\n", summary.requests,
    summary.errors.status + summary.errors.timeout + summary.errors.read + summary.errors.connect,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.1f ms, mean %.1f ms, %.1f req/s\n", latency.max / 1000,
    latency.mean / 1000, summary.requests / (summary.duration / 1e6)))
end

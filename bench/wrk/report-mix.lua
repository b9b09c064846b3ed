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
-- COLD=1: every request asks a question not asked before (a random period and model), so no
-- answer comes from the server's result cache.
local cold = os.getenv("COLD") == "1"
local models = { "linear", "first_touch", "last_touch", "last_non_direct", "position_based",
  "w_shaped", "full_path", "time_decay", "markov", "shapley" }
local i = 0

local function cold_path()
  local start = os.time({ year = 2024, month = 7, day = 1 }) + math.random(0, 400) * 86400
  local finish = start + math.random(30, 180) * 86400
  return string.format("/api/v1/report?model=%s&from=%s&to=%s", models[math.random(#models)],
    os.date("!%Y-%m-%d", start), os.date("!%Y-%m-%d", finish))
end

setup = function(thread)
  thread:set("seed", math.random(1, 1e9))
end

init = function()
  math.randomseed(seed or os.time())
end

request = function()
  i = i + 1
  local path = cold and cold_path() or queries[(i % #queries) + 1]
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

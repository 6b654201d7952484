-- wrk script: POST the realistic de novo Bundle to /tumour-board/evaluate
-- usage (from bench/budget.sh): wrk -s bench/tumour-board-post.lua http://127.0.0.1:PORT/tumour-board/evaluate?asOf=2025-07-01
local f = assert(io.open(os.getenv("PRIMUM_BENCH_BODY") or "src/test/resources/bench/denovo-metastatic-bundle.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/fhir+json"
wrk.headers["Accept"] = "application/json"

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, mean %.0f us, p50 %.0f us, p99 %.0f us\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(99)))
end

#!/usr/bin/env bash
# CDS Hooks benchmark: patient-view with full prefetch of a realistic ~30-resource chart, client-JWT
# check ON (every request has its own signed token), on loopback. Not part of the test run.
#   bench/cdshooks/run.sh [RATES] [SECONDS] [ALG]     defaults: 250,500,1000 req/s, 20 s each, ES384 (or RS384)
# 1. packages the app (fast-jar) unless SKIP_BUILD=1, 2. generates keys and the request body,
# 3. starts the app trusting the bench issuer (inline JWKS), in-memory H2,
# 4. fixed-rate open-loop run (Java harness, latency from the due time: no coordinated omission),
# 5. closed-loop maximum throughput with wrk (if installed), 6. stops the app.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=${1:-250,500,1000}
SECONDS_RUN=${2:-20}
ALG=${3:-ES384}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/primum-cdshooks-bench.XXXXXX)
URL="http://127.0.0.1:${PORT}/cds-services/dnmbc-lrt-patient-view"

if curl -s -o /dev/null "http://127.0.0.1:${PORT}/"; then
  echo "port ${PORT} is in use (another run?): set PORT=..." >&2; exit 1
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B test-compile
fi
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
harness() { java -cp "$CP" org.primum.bench.cdshooks.CdsHooksLoad "$@"; }

harness keys "$WORK"
harness body "$WORK"

java -Xms512m -Xmx1g \
  -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.primum\".level=WARN \
  -Dquarkus.datasource.jdbc.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" \
  -Dprimum.cdshooks.public-base-url="http://127.0.0.1:${PORT}" \
  -Dprimum.cdshooks.security.issuers.bench.issuer=https://ehr.test.example/ \
  -Dprimum.cdshooks.security.issuers.bench.jwks="$(cat "$WORK/jwks.json")" \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:${PORT}/cds-services" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:${PORT}/cds-services" >/dev/null || { cat "$WORK/app.log"; exit 1; }

# one call by hand: the answer must be cards, not an error
harness tokens "$WORK" "$URL" 1 "$ALG"
curl -s -o "$WORK/sample.json" -w "sample call: HTTP %{http_code}, %{size_download} bytes\n" -X POST "$URL" \
  -H "Content-Type: application/json" -H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")" --data-binary @"$WORK/body.json"

echo "== fixed rate (open loop), JWT ${ALG} =="
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
harness load "$WORK" "$URL" "$RATES" "$SECONDS_RUN" "$ALG" 10

if [[ "${NO_WRK:-0}" != 1 ]] && command -v wrk >/dev/null; then
  echo "== maximum throughput (closed loop, wrk, 2 threads, 16 connections, 20 s), JWT ${ALG} =="
  harness tokens "$WORK" "$URL" 120000 "$ALG"
  cat > "$WORK/tokens.lua" <<LUA
local tokens, n, i, body = {}, 0, 0, nil
local counter = 0
function setup(thread) thread:set("tid", counter); counter = counter + 1 end
function init(args)
  local f = io.open("$WORK/body.json", "rb"); body = f:read("*a"); f:close()
  local k = 0
  for line in io.lines("$WORK/tokens.txt") do
    if k % 2 == tid then n = n + 1; tokens[n] = line end
    k = k + 1
  end
end
function request()
  i = i + 1
  if i > n then i = 1 end
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[i]}, body)
end
LUA
  wrk -t2 -c16 -d20s --latency -s "$WORK/tokens.lua" "$URL" | grep -v "^\s*$"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
grep -E "WARN|ERROR" "$WORK/app.log" | grep -v "security is OFF" | head -5 || true
echo "work files: $WORK"

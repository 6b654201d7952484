#!/usr/bin/env bash
# Loopback load run of POST /tumour-board/evaluate with wrk (Debian package `wrk`); not part of the tests.
# Packages the service if needed, starts it on a free port, runs wrk, stops it.
#   bench/load.sh [duration=30s] [connections=4] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"; connections="${2:-4}"; threads="${3:-2}"
port="${PRIMUM_BENCH_PORT:-18080}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src rules fhir-profiles pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
java -Xms512m -Xmx512m -Dquarkus.http.port="$port" -Dquarkus.log.level=WARN -jar target/quarkus-app/quarkus-run.jar \
  > target/bench-service.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat target/bench-service.log >&2; exit 1; }
  sleep 0.5
done
url="http://127.0.0.1:$port/tumour-board/evaluate?asOf=2025-07-01"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/fhir+json' \
  --data-binary @src/test/resources/bench/denovo-metastatic-bundle.json "$url")
[ "$code" = 200 ] || { echo "smoke request answered $code" >&2; exit 1; }
echo "warm-up 10s"; wrk -t"$threads" -c"$connections" -d10s -s bench/tumour-board-post.lua "$url" >/dev/null
echo "measured $duration, $connections connections, $threads threads"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/tumour-board-post.lua "$url"

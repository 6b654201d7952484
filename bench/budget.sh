#!/usr/bin/env bash
# The performance budget in one run, on one machine (see bench/README.md): not a test, not in CI.
#   bench/budget.sh [--soak] [--pv-only] [--tb-rates 200,400,800] [--pv-rates 250,500,1000] [--seconds 20] [--wrk-seconds 20]
#   bench/budget.sh --startup-only [--runs 5]     (step 3 alone, repeated; packages unless SKIP_BUILD=1)
# 1. machine and load average; packages the service and compiles the harness (unless SKIP_BUILD=1);
# 2. parse floor vs tumour-board evaluation in one JVM, CPU time per operation (TumourBoardRatioProbe);
# 3. start-up: JVM start -> first 200 answer of POST /tumour-board/evaluate (also with the AppCDS archive when
#    target/quarkus-app/app-cds.jsa exists: package with -Dquarkus.package.jar.appcds.enabled=true);
# 4. tumour-board evaluate: fixed rates (open loop, latency from the due time), then wrk (closed loop);
# 5. CDS Hooks patient-view, full prefetch, a fresh ES384 client JWT per request: the same two;
# 6. RSS of the service after start and after the load;
# 7. --soak: patient-view at 80 % of the capacity wrk measured in 5., for SOAK_SECONDS (600), one line per
#    minute; errors, and the heap after a full GC at the end of the first and of the last minute (GC log).
# --pv-only: steps 1, 5 and 6 only (and 7 with --soak): the service started once, no ratio probe, no tumour-board load.
# Environment: SKIP_BUILD=1, APPCDS=1 (package with Quarkus AppCDS: the archive is made by starting the app once
# at build time), PORT (18080), HEAP (1g), ALG (ES384), PROFILE=1 (JFR of the service, top frames printed),
# WRK_TOKENS (30000: enough for the closed-loop run), SOAK_SECONDS (600), WORK (a fresh folder under /tmp),
# AOT_JAVA (the java of a JDK 25 or later, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java: step 3 also starts the
# service on it, plain and with a JEP 483/515 AOT cache made by a training run of 200 tumour-board requests).
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK=0; PV_ONLY=0; TB_RATES=200,400,800; PV_RATES=250,500,1000; SECONDS_RUN=20; WRK_SECONDS=20; STARTUP_ONLY=0; RUNS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --soak) SOAK=1 ;;
    --pv-only) PV_ONLY=1 ;;
    --tb-rates) TB_RATES=$2; shift ;;
    --pv-rates) PV_RATES=$2; shift ;;
    --seconds) SECONDS_RUN=$2; shift ;;
    --wrk-seconds) WRK_SECONDS=$2; shift ;;
    --startup-only) STARTUP_ONLY=1 ;;
    --runs) RUNS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PORT=${PORT:-18080}; HEAP=${HEAP:-1g}; ALG=${ALG:-ES384}; SOAK_SECONDS=${SOAK_SECONDS:-600}
WORK=${WORK:-$(mktemp -d /tmp/primum-budget.XXXXXX)}
mkdir -p "$WORK"
BASE="http://127.0.0.1:${PORT}"
TB_URL="$BASE/tumour-board/evaluate?asOf=2025-07-01"
PV_URL="$BASE/cds-services/dnmbc-lrt-patient-view"
TB_BODY=src/test/resources/bench/denovo-metastatic-bundle.json
JAR=target/quarkus-app/quarkus-run.jar

[[ "$STARTUP_ONLY" == 1 ]] || command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }
if curl -s -o /dev/null "$BASE/"; then echo "port ${PORT} is in use: set PORT=..." >&2; exit 1; fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
RUN_JAVA=java   # the java that start_app launches (step 3 switches it to AOT_JAVA for its own runs)

echo "== machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GB;" \
  "$(java -version 2>&1 | head -1); load average $(load); $(date -u +%FT%TZ)"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  APPCDS_FLAG=()
  [[ "${APPCDS:-0}" == 1 ]] && APPCDS_FLAG=(-Dquarkus.package.jar.appcds.enabled=true)
  ./mvnw -B -o -q package -DskipTests "${APPCDS_FLAG[@]}"
  [[ "$STARTUP_ONLY" == 1 ]] || ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
fi
JWKS=""
APP=""
stop_app() { if [[ -n "$APP" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }
trap stop_app EXIT

# start_app LOG [extra JVM options...]: starts the service in the background (pid in APP), sets STARTUP_MS to the
# milliseconds from launch to the first 200 answer
start_app() {
  local log=$1; shift
  local t0 t1 code issuer=()
  # a trusted issuer with the harness's keys (patient-view steps); none for --startup-only
  [[ -n "$JWKS" ]] && issuer=(-Dprimum.cdshooks.security.issuers.bench.issuer=https://ehr.test.example/
                              -Dprimum.cdshooks.security.issuers.bench.jwks="$JWKS")
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$RUN_JAVA" -Xms512m -Xmx"$HEAP" "$@" \
    -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.primum\".level=WARN \
    -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$WORK/db/primum" \
    -Dprimum.report.dir="$WORK/reports" \
    -Dprimum.cdshooks.public-base-url="$BASE" \
    "${issuer[@]}" \
    -jar "$JAR" > "$log" 2>&1 &
  APP=$!
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/fhir+json' --data-binary @"$TB_BODY" "$TB_URL" || true)
    [[ "$code" == 200 ]] && break
    kill -0 "$APP" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
}

# startup_runs LABEL [extra JVM options...]: RUNS starts (a fresh database each), each time and the median
startup_runs() {
  local label=$1; shift
  local all=() i
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/db"
    start_app "$WORK/app-$label-$i.log" "$@"
    all+=("$STARTUP_MS"); stop_app
  done
  echo "$label: $(printf '%s ms ' "${all[@]}")-> median $(printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms (load average $(load))"
}

# aot_runs: with AOT_JAVA set, RUNS starts on that JDK plain, then a training run (-XX:AOTCacheOutput: start, 200
# tumour-board answers, stop; the JVM writes the cache at exit) and RUNS starts with the cache (-XX:AOTCache)
aot_runs() {
  [[ -n "${AOT_JAVA:-}" ]] || return 0
  RUN_JAVA=$AOT_JAVA
  echo "AOT_JAVA: $("$AOT_JAVA" -version 2>&1 | head -1)"
  startup_runs "plain fast-jar on AOT_JAVA"
  rm -rf "$WORK/db" "$WORK/app.aot"
  start_app "$WORK/aot-training.log" -XX:AOTCacheOutput="$WORK/app.aot"
  for _ in $(seq 1 200); do curl -s -o /dev/null -H 'Content-Type: application/fhir+json' --data-binary @"$TB_BODY" "$TB_URL"; done
  stop_app
  [[ -f "$WORK/app.aot" ]] || { echo "no AOT cache written (see $WORK/aot-training.log)" >&2; RUN_JAVA=java; return 1; }
  echo "AOT cache: $(du -m "$WORK/app.aot" | cut -f1) MB"
  startup_runs "with the AOT cache on AOT_JAVA" -XX:AOTCache="$WORK/app.aot"
  RUN_JAVA=java
}

if [[ "$STARTUP_ONLY" == 1 ]]; then
  echo "== start-up: JVM start -> first 200 of /tumour-board/evaluate, $RUNS run(s) each (load average $(load))"
  [[ -f target/quarkus-app/app-cds.jsa ]] && startup_runs "with AppCDS" -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -Xshare:auto
  startup_runs "plain fast-jar"
  aot_runs
  exit 0
fi
[[ -f target/bench-cp.txt ]] || ./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
LOGGING="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logging.provider=jboss"
harness() { java -Xmx1g $LOGGING -cp "$CP" org.primum.bench.cdshooks.CdsHooksLoad "$@"; }

if [[ "$PV_ONLY" != 1 ]]; then
  echo "== parse floor vs tumour-board evaluation (one JVM, thread CPU time per operation; load average $(load))"
  # shellcheck disable=SC2086
  java -Xms512m -Xmx512m $LOGGING -cp "$CP" org.primum.bench.TumourBoardRatioProbe "${RATIO_ROUNDS:-16}" "${RATIO_OPS:-400}" | tail -1
fi

harness keys "$WORK" >/dev/null
harness body "$WORK"
JWKS=$(cat "$WORK/jwks.json")

rss() { awk '/VmRSS|VmHWM/{printf "%s %d MB  ", $1, $2/1024}' "/proc/$APP/status"; }

echo "== start-up: JVM start -> first 200 of /tumour-board/evaluate (load average $(load))"
if [[ -f target/quarkus-app/app-cds.jsa && "$PV_ONLY" != 1 ]]; then
  start_app "$WORK/app-cds.log" -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -Xshare:auto
  echo "with AppCDS (-XX:SharedArchiveFile=app-cds.jsa): $STARTUP_MS ms"
  stop_app
fi
aot_runs
JFR=()
[[ "${PROFILE:-0}" == 1 ]] && JFR=(-XX:StartFlightRecording=filename="$WORK/service.jfr",settings=profile)
start_app "$WORK/app.log" -Xlog:gc:file="$WORK/gc.log":uptime "${JFR[@]}"
echo "plain fast-jar: $STARTUP_MS ms"
echo "RSS after start: $(rss)"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
# CPU ticks of the service's threads by group (request workers, Vert.x event loops, JIT compilers, GC, decision-log
# writer, H2, other; the kernel keeps 15 characters of a thread name), one "group ticks" line each: what the CPU per
# request is made of, without a profiler
thread_ticks() {
  for t in /proc/"$APP"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' < "$t/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done | awk '{ g = "other"
    if ($1 ~ /^executor-thread/) g = "request-workers"; else if ($1 ~ /^vert\.x-eventlo/) g = "event-loop"
    else if ($1 ~ /Compiler/) g = "JIT"; else if ($1 ~ /^(GC_|G1_|VM_Thread)/) g = "GC+VM"
    else if ($1 ~ /^decision-log/) g = "decision-log"; else if ($1 ~ /^(H2|MVStore)/) g = "H2"
    t[g] += $2 } END { for (g in t) print g, t[g] }' | sort
}
# wrk_run label url lua: closed loop; also the service's CPU time per answered request (process CPU over the run /
# requests): on a machine shared with other builds this, not req/s, is the figure that compares runs
wrk_run() {
  echo "-- $1: wrk -t2 -c16 -d${WRK_SECONDS}s (closed loop; load average $(load))"
  local c0 c1 n
  c0=$(cpu_ticks); thread_ticks > "$WORK/threads0-$1.txt"
  wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -s "$3" "$2" > "$WORK/wrk-$1.txt"
  c1=$(cpu_ticks); thread_ticks > "$WORK/threads1-$1.txt"
  grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency  " "$WORK/wrk-$1.txt" | sed 's/^ */   /'
  n=$(awk '/requests in/{print $1}' "$WORK/wrk-$1.txt")
  awk -v t=$(( c1 - c0 )) -v hz="$(getconf CLK_TCK)" -v n="$n" \
    'BEGIN { printf "   service CPU per request: %.2f ms (%d requests, %.1f s of CPU)\n", t / hz * 1000 / n, n, t / hz }'
  join -a2 -e0 -o 0,1.2,2.2 "$WORK/threads0-$1.txt" "$WORK/threads1-$1.txt" | awk -v hz="$(getconf CLK_TCK)" -v n="$n" \
    '{ if ($3 > $2) printf "%s %.2f, ", $1, ($3 - $2) / hz * 1000 / n }' | sed -e 's/, $//' -e 's/^/   of which (ms per request; threads that ended during the run are left out): /'; echo
}

if [[ "$PV_ONLY" != 1 ]]; then
  echo "== tumour-board evaluate ($(wc -c < "$TB_BODY") bytes in, $(curl -s -o /dev/null -w '%{size_download}' -H 'Content-Type: application/fhir+json' --data-binary @"$TB_BODY" "$TB_URL") bytes out)"
  echo "load average $(load)"
  harness plain "$TB_BODY" application/fhir+json "$TB_URL" "$TB_RATES" "$SECONDS_RUN" 10
  PRIMUM_BENCH_BODY="$TB_BODY" wrk_run tumour-board "$TB_URL" bench/tumour-board-post.lua
fi

echo "== CDS Hooks patient-view, client JWT $ALG per request"
harness tokens "$WORK" "$PV_URL" 1 "$ALG"
curl -s -o "$WORK/sample.json" -w "sample call: HTTP %{http_code}, %{size_download} bytes out\n" -X POST "$PV_URL" \
  -H "Content-Type: application/json" -H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")" --data-binary @"$WORK/body.json"
echo "load average $(load)"
harness load "$WORK" "$PV_URL" "$PV_RATES" "$SECONDS_RUN" "$ALG" 10
harness tokens "$WORK" "$PV_URL" "${WRK_TOKENS:-30000}" "$ALG"
sed -e "s#@BODY@#$WORK/body.json#" -e "s#@TOKENS@#$WORK/tokens.txt#" bench/patient-view-post.lua > "$WORK/patient-view.lua"
wrk_run patient-view "$PV_URL" "$WORK/patient-view.lua"
echo "RSS after the load: $(rss)"

if [[ "$SOAK" == 1 ]]; then
  capacity=$(awk '/Requests\/sec/{print int($2)}' "$WORK/wrk-patient-view.txt")
  rate=$(( capacity * 8 / 10 ))
  echo "== soak: patient-view at $rate req/s (80 % of $capacity) for $SOAK_SECONDS s (load average $(load))"
  start_uptime=$(awk '{print $1}' /proc/uptime)
  harness soak "$WORK" "$PV_URL" "$rate" "$SOAK_SECONDS" "$ALG" > "$WORK/soak.txt" &
  SOAK_PID=$!
  sleep 60; jcmd "$APP" GC.run >/dev/null
  wait "$SOAK_PID"; jcmd "$APP" GC.run >/dev/null
  cat "$WORK/soak.txt"
  sleep 1
  echo "heap after full GC (jcmd GC.run at the end of the first and of the last minute):"
  grep "Pause Full" "$WORK/gc.log" | tail -2 | sed 's/^/   /' || true
  echo "heap after young GCs, first vs last minute of the soak (MB, min–max of the after-GC occupancy):"
  app_start=$(awk -v now="$(awk '{print $1}' /proc/uptime)" -v up="$(jcmd "$APP" VM.uptime | awk 'NR==2{print $1}')" 'BEGIN{print now-up}')
  awk -v from="$(awk -v a="$start_uptime" -v b="$app_start" 'BEGIN{print a-b}')" -v len="$SOAK_SECONDS" '
    /Pause Young/ { t=substr($1,2)+0; split($0,p,"->"); split(p[2],q,"M"); h=q[1]+0
      m = int((t-from)/60); if (m<0) next
      if (m==0) { if (mn0==""||h<mn0) mn0=h; if (h>mx0) mx0=h }
      if (m==int(len/60)-1) { if (mnL==""||h<mnL) mnL=h; if (h>mxL) mxL=h } }
    END { printf "   first minute %s–%s MB, last minute %s–%s MB\n", mn0, mx0, mnL, mxL }' "$WORK/gc.log"
  echo "RSS after the soak: $(rss)"
fi

grep -E "ERROR|Exception" "$WORK/app.log" | head -5 || true
if [[ "${PROFILE:-0}" == 1 ]]; then
  stop_app
  echo "== top frames of the service (JFR execution samples, top 25)"
  jfr print --events jdk.ExecutionSample --stack-depth 1 "$WORK/service.jfr" | grep -A1 "stackTrace = \[" | grep -v -e "stackTrace" -e "^--" \
    | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25
fi
echo "load average at the end: $(load); work files: $WORK"

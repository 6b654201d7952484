#!/usr/bin/env bash
# Audit benchmark (not a test): generate a synthetic cohort, audit it with the packaged command under a 512 MB
# heap, and time beside it the floor (every line parsed into a JSON tree, nothing else).
# usage: bench/audit/run.sh [PATIENTS=100000] [WORK=/tmp/primum-audit-bench]
#        APP=/copy/of/quarkus-app bench/audit/run.sh …   audits with another build (before/after on the same cohort)
# needs: ./mvnw -B package -DskipTests (target/quarkus-app), python3, GNU time (/usr/bin/time) optional
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
WORK=${2:-/tmp/primum-audit-bench}
COHORT="$WORK/cohort-$N"
OUT="$WORK/out-$N"
APP=${APP:-target/quarkus-app}
JAR=$APP/quarkus-run.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
mkdir -p "$WORK"
if [ ! -d "$COHORT" ]; then python3 bench/audit/generate.py "$N" "$COHORT"; fi
echo "cohort: $(du -sh "$COHORT" | cut -f1), $(cat "$COHORT"/*.ndjson | wc -l) lines"

TIME=""; [ -x /usr/bin/time ] && TIME="/usr/bin/time -v"
echo "--- floor: parse every line (Jackson tree), -Xmx512m"
start=$(date +%s.%N)
$TIME java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$APP/lib/main/*" bench/audit/ParseFloor.java "$COHORT" 2> "$WORK/floor.time"
floor=$(echo "$(date +%s.%N) - $start" | bc)
grep -E "Maximum resident" "$WORK/floor.time" || true

echo "--- FHIR floor: parse every line as a FHIR R4 resource (HAPI, every core), -Xmx512m"
start=$(date +%s.%N)
$TIME java -Xmx512m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$APP/lib/main/*" bench/audit/ParseFloor.java "$COHORT" fhir \
  2> "$WORK/fhirfloor.time"
fhirfloor=$(echo "$(date +%s.%N) - $start" | bc)

echo "--- audit: java -Xmx512m -jar $JAR audit --input $COHORT --out $OUT --as-of 2026-01-01"
rm -rf "$OUT"
start=$(date +%s.%N)
$TIME java -Xmx512m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" audit --input "$COHORT" --out "$OUT" --as-of 2026-01-01 \
  --work-dir "$WORK/tmp" 2> "$WORK/audit.time" | tail -12
audit=$(echo "$(date +%s.%N) - $start" | bc)
grep -E "Maximum resident" "$WORK/audit.time" || true
# CPU time (user + system): on a loaded machine wall times measure the other builds, CPU times the audit
cpuof() { awk -F': ' '/User time|System time/ {s += $2} END {if (NR) printf "%.1f", s}' "$1" 2>/dev/null; }
cpu=$(cpuof "$WORK/audit.time"); fhircpu=$(cpuof "$WORK/fhirfloor.time")
peak=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$WORK/gc.log" | sed -E 's/([0-9]+)M->.*/\1/' | sort -n | tail -1)
printf 'floor %.1f s, FHIR floor %.1f s (CPU %s s), audit %.1f s (CPU %s s), ratio %.2f (to the FHIR floor %.2f, in CPU %.2f), peak heap before GC %s MB (limit 512), load average %s\n' \
  "$floor" "$fhirfloor" "${fhircpu:-?}" "$audit" "${cpu:-?}" "$(echo "$audit / $floor" | bc -l)" "$(echo "$audit / $fhirfloor" | bc -l)" \
  "$(echo "${cpu:-0} / ${fhircpu:-1}" | bc -l)" "${peak:-?}" "$(cut -d' ' -f1-3 /proc/loadavg)"

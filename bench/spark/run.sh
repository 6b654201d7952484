#!/usr/bin/env bash
# Scale figures of the Spark audit (README "Spark", bench/README.md "Spark"). Not a test.
#
#   bench/spark/run.sh [N ...]                 default: 100000 1000000
#   ONE_MACHINE=0 bench/spark/run.sh 1000000   skip the one-machine audit beside it (it runs for N <= 100000 only)
#   SPARK=0 bench/spark/run.sh 100000          the one-machine audit only
#   KEEP=1 bench/spark/run.sh 10000            keep the cohort, outputs and event log (default: removed after each N)
#   WORK=/data/bench HEAP=2g                   where everything goes (default /tmp/primum-spark-bench), JVM heap
#
# The 1,000,000 run takes ~1-1.5 h on a 2-core machine and ~12 GB of disk while it runs (cohort ~6.6 GB, Spark's
# shuffle and spill ~2 GB, outputs ~1 GB): run it detached, e.g. nohup bench/spark/run.sh 1000000 > run.log 2>&1 &
#
# For each N: a generated cohort (CohortGenerator, seed 1, 8 Encounters per patient: ~22 lines, ~6.6 KB per patient),
# the job's shaded jar run through spark-submit's own main class (org.apache.spark.deploy.SparkSubmit) on Spark's
# runtime classpath (bench/spark/spark-runtime.pom.xml) in local mode with 2 cores, then, for N <= 100000, the
# one-machine audit (AuditEngine) on the same files. Figures from /usr/bin/time (wall, CPU, peak RSS) and Spark's
# event log (shuffle bytes written, peak executor JVM heap): one line per run in $WORK/results.tsv. Both runs'
# cohort figures are compared (audit-summary.json against audit.json, measure-report.json against its twin).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/primum-spark-bench}
HEAP=${HEAP:-2g}
AS_OF=2025-12-31
# disk a run needs per patient while it runs: input 6.6 KB, shuffle + spill ~2 KB, outputs ~1 KB, event log; margin
KB_PER_PATIENT=15
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000)
mkdir -p "$WORK" bench/spark/target
stamp() { date -u +%H:%M:%S; }
# the current N's data: removed when it is done, and when a run fails (a 1,000,000 cohort is 6.6 GB), unless KEEP=1
DATA=()
clean() { [ "${KEEP:-0}" = 1 ] || [ ${#DATA[@]} -eq 0 ] || rm -rf "${DATA[@]}"; }
trap clean EXIT

OPENS=$(sed -n 's|.*<spark.add-opens>\(.*\)</spark.add-opens>.*|\1|p' spark/pom.xml)
# offline: the dependencies are in ~/.m2 (drop -o once on a machine where they are not)
./mvnw -B -o -q -f spark/pom.xml package -DskipTests
./mvnw -B -o -q -f bench/spark/spark-runtime.pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/bench/spark/target/spark.classpath"
./mvnw -B -o -q -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/bench/spark/target/audit.classpath"
SPARK_CP=$(cat bench/spark/target/spark.classpath)
AUDIT_CP=spark/target/classes:spark/target/test-classes:$(cat bench/spark/target/audit.classpath)

[ -f "$WORK/results.tsv" ] || printf 'run\tpatients\tlines\tinput_MB\twall_s\tcpu_s\tlines_per_s\tshuffle_MB\tpeak_heap_MB\tpeak_rss_MB\n' > "$WORK/results.tsv"

for N in "${SIZES[@]}"; do
  IN="$WORK/cohort-$N" OUT="$WORK/out-spark-$N" OUT1="$WORK/out-one-$N" EVENTS="$WORK/events-$N" LOCAL="$WORK/spark-local-$N"
  DATA=("$IN" "$OUT" "$OUT1" "$EVENTS" "$LOCAL")
  rm -rf "$OUT" "$OUT1" "$EVENTS" "$LOCAL"
  have=$(( $(df --output=avail -k "$WORK" | tail -1) / 1024 ))
  need=$(( N * KB_PER_PATIENT / 1024 ))
  [ -f "$IN/Patient.ndjson" ] && need=$(( need - $(du -sm "$IN" | cut -f1) ))
  if [ "$have" -lt "$need" ]; then
    echo "$(stamp) $N patients need ~${need} MB free in $WORK, there are ${have} MB: stopping" >&2
    exit 1
  fi
  if [ ! -f "$IN/Patient.ndjson" ]; then
    echo "$(stamp) generating $N patients into $IN"
    rm -rf "$IN"
    java spark/src/test/java/org/primum/spark/cohort/CohortGenerator.java "$N" "$IN" 1 8
  fi
  MB=$(du -sm "$IN" | cut -f1)

  if [ "${SPARK:-1}" = 1 ]; then
    echo "$(stamp) Spark local[2] on $N patients ($MB MB); log: $WORK/log-spark-$N"
    mkdir -p "$EVENTS" "$LOCAL"
    # spark.local.dir: shuffle and spill files on the disk checked above, removed with the rest
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time-spark-$N" \
      java $OPENS -Xmx"$HEAP" -cp "$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
        --master 'local[2]' --conf spark.ui.enabled=false --conf spark.local.dir="$LOCAL" \
        --conf spark.eventLog.enabled=true --conf spark.eventLog.compress=false --conf spark.eventLog.dir="file://$EVENTS" \
        --class org.primum.spark.SparkAudit spark/target/primum-spark.jar \
        --input "$IN" --out "$OUT" --as-of "$AS_OF" > "$WORK/log-spark-$N" 2>&1
    python3 - "$N" "$MB" "$WORK/time-spark-$N" "$EVENTS" "$OUT/audit-summary.json" >> "$WORK/results.tsv" <<'PY'
import json, os, sys
n, mb, timefile, events, summary = sys.argv[1:]
wall, user, sys_, rss_kb = open(timefile).read().split()[-4:]
shuffle = heap = 0
# event log v2: a folder of rolled files events_N_… (beside an empty appstatus_… marker)
files = [os.path.join(d, f) for d, _, fs in os.walk(events) for f in fs if f.startswith("events_")]
for name in files:
    for line in open(name):
        if not line.strip():
            continue
        e = json.loads(line)
        if e["Event"] == "SparkListenerTaskEnd":
            shuffle += e.get("Task Metrics", {}).get("Shuffle Write Metrics", {}).get("Shuffle Bytes Written", 0)
        for key in ("Executor Metrics", "Task Executor Metrics"):
            heap = max(heap, e.get(key, {}).get("JVMHeapMemory", 0))
        for upd in e.get("Executor Metrics Updated", []) if isinstance(e.get("Executor Metrics Updated"), list) else []:
            heap = max(heap, upd.get("Executor Metrics", {}).get("JVMHeapMemory", 0))
counts = json.load(open(summary))["counts"]
lines = counts["linesRead"]
print(f"spark local[2]\t{counts['patients']}\t{lines}\t{mb}\t{float(wall):.0f}\t{float(user)+float(sys_):.0f}\t"
      f"{lines/float(wall):.0f}\t{shuffle/2**20:.0f}\t{heap/2**20:.0f}\t{int(rss_kb)/1024:.0f}")
PY
  fi

  if [ "${ONE_MACHINE:-1}" = 1 ] && [ "$N" -le 100000 ]; then
    echo "$(stamp) one-machine audit on $N patients; log: $WORK/log-one-$N"
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time-one-$N" \
      java -Xmx"$HEAP" -cp "$AUDIT_CP" org.primum.spark.cohort.OneMachineAudit "$IN" "$OUT1" "$AS_OF" > "$WORK/log-one-$N" 2>&1
    read -r wall user sys_ rss < <(tail -1 "$WORK/time-one-$N")
    lines=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['counts']['linesRead'])" "$OUT1/audit.json")
    patients=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['counts']['patients'])" "$OUT1/audit.json")
    printf 'one machine (2 threads)\t%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t-\t-\t%.0f\n' "$patients" "$lines" "$MB" "$wall" \
      "$(echo "$user + $sys_" | bc)" "$(echo "$lines / $wall" | bc)" "$(echo "$rss / 1024" | bc)" >> "$WORK/results.tsv"
  fi

  if [ -f "$OUT/measure-report.json" ] && [ -f "$OUT1/measure-report.json" ]; then
    # same figures on both sides (the per-patient lists aside: the job's verdicts are in its tables); MeasureReports apart from their date
    python3 - "$OUT" "$OUT1" <<'PY'
import json, sys
spark, one = sys.argv[1:]
a, b = json.load(open(f"{spark}/audit-summary.json")), json.load(open(f"{one}/audit.json"))
for per_patient in ("patients", "outOfScope"):
    a.pop(per_patient, None); b.pop(per_patient, None)
m, n = json.load(open(f"{spark}/measure-report.json")), json.load(open(f"{one}/measure-report.json"))
m.pop("date"); n.pop("date")
print("same figures:", a == b, "| same MeasureReport:", m == n)
PY
  fi

  clean
  echo "$(stamp) done $N"
  column -t -s $'\t' "$WORK/results.tsv"
done

#!/usr/bin/env bash
# JMH benchmark of the tumour-board evaluation without HTTP (floor vs full, and the stages of full).
#   bench/jmh.sh                 # all benchmarks, default iterations (see pom.xml profile "bench")
#   bench/jmh.sh 'floor|full'    # a subset (regex over benchmark names)
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-TumourBoardBenchmark}"
exec ./mvnw -B -q -Pbench process-test-classes \
  -Dbench.args="-f 1 -wi 10 -w 2s -i 10 -r 2s -bm avgt -tu us -rf json -rff target/jmh-result.json $filter"

#!/usr/bin/env bash
# floor and full alternately, thread CPU time per operation (robust on a loaded machine); see TumourBoardRatioProbe.
#   bench/ratio.sh [rounds=20] [operations per round=500]
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -Pbench process-test-classes -Dbench.main=org.primum.bench.TumourBoardRatioProbe -Dbench.args="${1:-20} ${2:-500}"

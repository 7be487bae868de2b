#!/usr/bin/env bash
# Load on memtrack's Jolokia endpoint: N concurrent loopback clients for S seconds against the demo workload
# under the agent (reads, bulk reads, list, search, policy reads, simulator operations); requests/s, errors and
# latency percentiles per kind of request. The same engine as agent/src/test/.../it/LoadIT.java.
#
# Usage: benchmarks/run-load.sh [seconds=60] [clients=50] [requests/s per client=20, 0 = as fast as possible]
#        extra arguments go to the harness, e.g. --agent-options policy=ENFORCE --java /usr/lib/jvm/temurin-25-jdk-amd64
# Figures from a shared or loaded machine are indicative only: the report prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl agent,benchmarks -am package -DskipTests -Dskip.npm
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/harness-classpath.txt)" \
    dev.memtrack.benchmarks.fleet.LoadHarness --seconds "${1:-60}" --clients "${2:-50}" --rate "${3:-20}" "${@:4}"

#!/usr/bin/env bash
# Soak: the demo workload with everything on (JSON Lines log, policy ENFORCE, allocation tracking when the agent
# has it, simulator activity) for M minutes; samples the live heap, the agent's own objects and the threads after a
# full GC every 10 s and fits a slope through each. The same engine as agent/src/test/.../it/SoakIT.java.
#
# Usage: benchmarks/run-soak.sh [minutes=10]
#        extra arguments go to the harness, e.g. --sample-seconds 5 --java /usr/lib/jvm/temurin-25-jdk-amd64
# Figures from a shared or loaded machine are indicative only: the report prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl agent,benchmarks -am package -DskipTests -Dskip.npm
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/harness-classpath.txt)" \
    dev.memtrack.benchmarks.fleet.SoakHarness --minutes "${1:-10}" "${@:2}"

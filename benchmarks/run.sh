#!/usr/bin/env bash
# Builds the benchmarks and runs JMH with them; arguments go to JMH (a benchmark name, -prof gc, -f 1 ...).
# The workload classes come from benchmarks/target/classes and the tracker from the agent jar: different
# code sources, as the tracker never instruments its own.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"

#!/usr/bin/env bash
# Builds the benchmarks and runs JMH with them; arguments go to JMH (a benchmark name, -prof gc, -f 1 ...).
# With --harness: runs HookCostHarness once per mode instead (best of 30 rounds; steadier on a busy machine).
# The workload classes come from benchmarks/target/classes and the tracker from the agent jar: different
# code sources, as the tracker never instruments its own.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -DskipTests
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [[ "${1:-}" == "--harness" ]]; then
  for mode in BASELINE OFF SAMPLED EXACT; do
    java -Xmx1g -XX:+EnableDynamicAgentLoading -Djdk.attach.allowAttachSelf=true -cp "$CP" \
        dev.memtrack.benchmarks.alloc.HookCostHarness "$mode" 2>&1 | grep -v "^OpenJDK .* warning: Sharing"
  done
  exit 0
fi
exec java -cp "$CP" org.openjdk.jmh.Main "$@"

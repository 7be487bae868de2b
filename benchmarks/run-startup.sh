#!/usr/bin/env bash
# Start-up cost of the memtrack agent: a hello-world JVM N times without and with -javaagent,
# alternating, medians and the difference. Usage: benchmarks/run-startup.sh [runs] [path/to/java]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl agent,benchmarks -am package -DskipTests
exec java -cp benchmarks/target/classes dev.memtrack.benchmarks.AgentStartupHarness \
    --agent agent/target/memtrack-agent.jar --runs "${1:-20}" --java "${2:-$(command -v java)}"

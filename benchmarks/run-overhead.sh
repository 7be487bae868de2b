#!/usr/bin/env bash
# What allocation tracking costs real programs (H2, Jackson, Jetty, Lucene): each without an agent, with
# memtrack (alloc=disabled, SAMPLED, EXACT) and with allocation-instrumenter, in JVMs of their own, back
# to back, interleaved. Usage: benchmarks/run-overhead.sh [repetitions] [path/to/java] [harness options]
# Not run by CI. Figures from a shared or loaded machine are indicative only (the script prints the load).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl agent,benchmarks -am package -DskipTests
REPS="${1:-3}"
JAVA="${2:-$(command -v java)}"
shift $(( $# > 2 ? 2 : $# ))
exec java -cp benchmarks/target/classes dev.memtrack.benchmarks.overhead.OverheadHarness \
    --agent agent/target/memtrack-agent.jar --overhead benchmarks/target/overhead --reps "$REPS" --java "$JAVA" "$@"

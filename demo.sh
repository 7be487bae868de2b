#!/usr/bin/env bash
# Builds memtrack if needed, starts the simulator's demo workload with the memtrack agent and the memtrack
# console connected to it, prints the one address to open, and stops both on Ctrl-C.
#   ./demo.sh            build once (skipped when the jars exist), then run
#   ./demo.sh --rebuild  build again first (after changing the code)
# Ports: DEMO_JOLOKIA_PORT (default 8778) for the agent's Jolokia, CONSOLE_PORT (default 8780) for the console.
set -euo pipefail
cd "$(dirname "$0")"

agent=agent/target/memtrack-agent.jar
simulator=simulator/target/memtrack-simulator.jar
console=hawtio-plugin/target/memtrack-console.jar
jolokia_port=${DEMO_JOLOKIA_PORT:-8778}
console_port=${CONSOLE_PORT:-8780}

rebuild=false
case "${1:-}" in
  "") ;;
  --rebuild) rebuild=true ;;
  *) echo "demo: unknown option '$1'; accepted: --rebuild" >&2; exit 2 ;;
esac
if $rebuild || [ ! -f "$agent" ] || [ ! -f "$simulator" ] || [ ! -f "$console" ]; then
  echo "demo: building memtrack (mvn -B -q package -DskipTests), a few minutes the first time"
  mvn -B -q package -DskipTests
fi

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

java -javaagent:"$agent"=jolokia.port="$jolokia_port" -jar "$simulator" demo > demo-workload.log 2>&1 &
pids+=($!)
jolokia_url="http://127.0.0.1:$jolokia_port/jolokia/"
for _ in $(seq 1 60); do
  if curl -sf "${jolokia_url}version" > /dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "demo: the demo workload stopped; see demo-workload.log" >&2
    exit 1
  fi
  sleep 1
done

# The console prints one line with the address to open.
java -jar "$console" --server.port="$console_port" --memtrack.connect=demo="$jolokia_url" &
pids+=($!)
wait "${pids[1]}"

#!/usr/bin/env bash
# Runs the simulator benchmarks (PagingBenchmark, SegmentationBenchmark) with explicit JMH settings
# and prints a table against the targets. Builds the benchmarks jar first when it is missing or older
# than the sources. Extra arguments go to JMH (e.g. -p algorithm=LRU).
#
# Figures from a shared or loaded machine are indicative only: the script prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/memtrack-benchmarks.jar
CSV=benchmarks/target/simulator-benchmarks.csv

if [[ ! -f "$JAR" ]] || [[ -n "$(find simulator/src/main benchmarks/src/main mbeans/src/main -newer "$JAR" -type f -print -quit)" ]]; then
  echo "== building $JAR"
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -jar "$JAR" 'dev.memtrack.benchmarks.(Paging|Segmentation)Benchmark' \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -tu s -prof dev.memtrack.benchmarks.ProcessCpuProfiler \
  -rf csv -rff "$CSV" "$@"

echo
echo "== simulator benchmarks, M operations/s (one operation = one page reference, or one allocate or free)"
echo "   wall: JMH score +- 99.9% error; per CPU-s: the same per CPU-second of the benchmark JVM (robust to load)"
awk -F',' '
  function unq(s) { gsub(/"/, "", s); return s }
  { sub(/\r$/, "") }
  NR == 1 { for (i = 1; i <= NF; i++) col[unq($i)] = i; next }
  {
    bench = unq($col["Benchmark"]); secondary = bench ~ /:/
    sub(/:.*/, "", bench); sub(/\.[^.]*$/, "", bench); sub(/.*\./, "", bench)
    param = ("Param: algorithm" in col) ? unq($col["Param: algorithm"]) : ""
    if (param == "" && ("Param: strategy" in col)) param = unq($col["Param: strategy"])
    key = bench " " param
    if (secondary) { cpu[key] = $col["Score"] / 1e6; next }
    order[++n] = key; score[key] = $col["Score"] / 1e6; error[key] = $col["Score Error (99.9%)"] / 1e6
  }
  END {
    printf "%-22s %-10s %18s %10s %8s\n", "benchmark", "param", "wall", "per CPU-s", "target"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, parts, " "); target = "-"
      if (parts[1] == "PagingBenchmark" && parts[2] == "LRU") target = 20
      if (parts[1] == "PagingBenchmark" && parts[2] == "OPT") target = 5
      if (parts[1] == "SegmentationBenchmark") target = 1
      verdict = target == "-" ? "" : (score[k] >= target ? "met" : (cpu[k] >= target ? "met per CPU-s only" : "MISSED"))
      printf "%-22s %-10s %8.2f +- %6.2f %10.2f %8s  %s\n", parts[1], parts[2], score[k], error[k], cpu[k], target, verdict
    }
  }' "$CSV"

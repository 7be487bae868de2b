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
  -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -tu s -rf csv -rff "$CSV" "$@"

echo
echo "== simulator benchmarks (operations per second; one operation = one page reference or one allocate/free)"
awk -F',' '
  function unq(s) { gsub(/"/, "", s); return s }
  NR == 1 { for (i = 1; i <= NF; i++) col[unq($i)] = i; next }
  {
    name = unq($col["Benchmark"]); sub(/.*\./, "", name)
    bench = unq($col["Benchmark"]); sub(/\.[^.]*$/, "", bench); sub(/.*\./, "", bench)
    param = ("Param: algorithm" in col) ? unq($col["Param: algorithm"]) : ""
    if (param == "" && ("Param: strategy" in col)) param = unq($col["Param: strategy"])
    score = $col["Score"] / 1e6; error = $col["Score Error (99.9%)"] / 1e6
    target = "-"
    if (bench == "PagingBenchmark" && param == "LRU") target = 20
    if (bench == "PagingBenchmark" && param == "OPT") target = 5
    if (bench == "SegmentationBenchmark") target = 1
    verdict = target == "-" ? "" : (score >= target ? "meets" : "BELOW")
    printf "%-22s %-10s %10.2f M/s  +- %6.2f   target %3s M/s  %s\n", bench, param, score, error, target, verdict
  }' "$CSV"

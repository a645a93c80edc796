#!/usr/bin/env bash
# Start-up time and idle memory of the packaged jar on the embedded database.
# Usage: bench/startup.sh [runs]   (build first: mvn -q package -DskipTests)
# For each run: a fresh data directory, the time from launch until /actuator/health answers UP
# (wall clock, including the first-run migrations), then 30 s idle, then the process's resident
# memory (VmRSS) and the JVM's used heap. Prints the median of each, for the default JVM
# settings and for -Xmx256m in one interleaved series so that the two compare on equal terms.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/socius.jar
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
port=18080

measure() { # $1 = extra JVM options
  local dir pid start ready rss heap
  dir=$(mktemp -d)
  start=$(date +%s%N)
  SOCIUS_DATA_DIR="$dir" SOCIUS_PORT=$port java $1 -jar "$jar" >"$dir/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 30
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  heap=$(curl -fs -H 'Accept: text/plain' "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {print int(s/1048576)}')
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
  echo "$ready $rss $heap"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

declare -a def cap
for i in $(seq 1 "$runs"); do
  def+=("$(measure "")")
  cap+=("$(measure "-Xmx256m")")
done
report() { # $1 = label, rest = rows
  local label=$1; shift
  printf '%s\n' "$@" > /tmp/socius-bench.$$
  printf '| %s | %s ms | %s MiB | %s MiB |\n' "$label" \
    "$(cut -d' ' -f1 /tmp/socius-bench.$$ | median)" "$(cut -d' ' -f2 /tmp/socius-bench.$$ | median)" \
    "$(cut -d' ' -f3 /tmp/socius-bench.$$ | median)"
  rm -f /tmp/socius-bench.$$
}
echo "| JVM options | start-up to health UP (median of $runs) | idle RSS after 30 s | heap used |"
echo "|---|---|---|---|"
report "default" "${def[@]}"
report "-Xmx256m" "${cap[@]}"

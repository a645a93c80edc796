#!/usr/bin/env bash
# Parse speed of the feed parser over two sets held in memory: the corpus in ../shared/feeds
# (small edge-case files) and realistic feeds the benchmark makes from a fixed seed (kilobytes of
# blog HTML per item, written to target/bench-feeds-realistic). For each: items/s and MB/s of the
# whole pipeline, items/s without sanitising and the share of time sanitising takes; medians of
# ROUNDS rounds (default 5) after WARMUP seconds (default 3), each round parsing the corpus REPEAT
# times (default 20) and the realistic set REPEAT/5 times (at least 1), in items per second of wall
# time and of the process's CPU time (steadier when the machine is shared). Then, in the same run, the
# npm rss-parser on Node.js over the same files, measured the same way, and the ratios.
# rss-parser is installed into target/bench-node at run time.
# Usage: bench/feeds-parse.sh [ROUNDS] [REPEAT] [WARMUP]
# Writes everything, with the load average, to target/bench-feeds-parse.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
REPEAT="${2:-20}"
WARMUP="${3:-3}"
REALISTIC_REPEAT=$(( REPEAT / 5 > 0 ? REPEAT / 5 : 1 ))
NODE="${NODE:-$(command -v node || true)}"
if [ -z "$NODE" ]; then
  echo "Node.js is needed for the rss-parser comparison (set NODE=/path/to/node)" >&2
  exit 1
fi
if [ ! -d target/bench-node/node_modules/rss-parser ]; then
  mkdir -p target/bench-node
  echo '{"private":true}' > target/bench-node/package.json
  (cd target/bench-node && npm install --no-audit --no-fund --no-package-lock --silent rss-parser@3.13.0)
fi
LOAD_BEFORE="$(uptime)"
mvn -q test -Dtest=FeedParseBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rounds="$ROUNDS" \
  -Dbench.repeat="$REPEAT" -Dbench.realisticRepeat="$REALISTIC_REPEAT" -Dbench.warmup="$WARMUP" -DargLine="-Xmx512m"
"$NODE" bench/feeds-rss-parser.mjs "$ROUNDS" "$WARMUP" "corpus:$REPEAT" "realistic:$REALISTIC_REPEAT" > /dev/null
{
  echo "load before: ${LOAD_BEFORE##*load average: }; after: $(uptime | sed 's/.*load average: //')"
  cat target/bench-feeds-rss-parser.txt
} >> target/bench-feeds-parse.txt
cat target/bench-feeds-parse.txt

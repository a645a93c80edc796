#!/usr/bin/env bash
# Parse speed of the feed parser over the corpus in ../shared/feeds (held in memory): items/s and
# MB/s, median of ROUNDS rounds (default 5) after a warm-up round, each round parsing the corpus
# REPEAT times (default 20).
# Usage: bench/feeds-parse.sh [ROUNDS] [REPEAT]
# Prints one line and writes it to target/bench-feeds-parse.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest=FeedParseBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rounds="${1:-5}" -Dbench.repeat="${2:-20}" -DargLine="-Xmx512m"
cat target/bench-feeds-parse.txt

#!/usr/bin/env bash
# Parse speed of the feed parser over the corpus in ../shared/feeds (held in memory): items/s and
# MB/s, median of ROUNDS rounds (default 5) after a warm-up round, each round parsing the corpus
# REPEAT times (default 20); then, in the same run, the npm rss-parser on Node.js over the same
# documents, measured the same way. rss-parser is installed into target/bench-node at run time.
# Usage: bench/feeds-parse.sh [ROUNDS] [REPEAT]
# Prints two lines and writes them to target/bench-feeds-parse.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest=FeedParseBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rounds="${1:-5}" -Dbench.repeat="${2:-20}" -DargLine="-Xmx512m"
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
"$NODE" bench/feeds-rss-parser.mjs "${1:-5}" "${2:-20}"
cat target/bench-feeds-rss-parser.txt >> target/bench-feeds-parse.txt
cat target/bench-feeds-parse.txt

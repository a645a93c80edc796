#!/usr/bin/env bash
# Sync throughput and peak memory: a Bluesky account on the local reference network with
# FOLLOWERS followers (default 5000) and LIKES likes (default 5000), i.e. FOLLOWERS follow
# notifications + LIKES like notifications + FOLLOWERS imported followers as events.
# Usage: bench/bluesky-sync.sh [FOLLOWERS] [LIKES]
# Prints one line and writes it to target/bench-bluesky-sync.txt. The JVM is the test JVM
# (app and the benchmark's own client), so peak figures are an upper bound for the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bluesky-devnet start >/dev/null
mvn -q test -Dtest=BlueskySyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.followers="${1:-5000}" -Dbench.likes="${2:-5000}" -DargLine="-Xmx1g"
cat target/bench-bluesky-sync.txt

#!/usr/bin/env bash
# Refresh of FEEDS feeds (default 10,000) all due at once, by one node in a process of its own,
# against a local web server: 20 % of the feeds have three new items (20–50 items of a few KB
# of HTML each), the rest answer 304 to the stored ETag. The feeds sit on many host names
# (a hosts file given to the node points them at 127.0.0.1), so the per-host limit applies.
# Time until every feed was checked once, feeds/s, the node's CPU time, RSS and heap.
# Usage: bench/feeds-refresh.sh [sqlite|postgres] [FEEDS]
#   a quick run: bench/feeds-refresh.sh sqlite 500
# postgres needs SOCIUS_TEST_POSTGRES_URL (a server where the user may create databases).
# Prints one line and writes it to target/bench-feeds-refresh-<store>.txt (node log beside it).
# Extra -D options after the two arguments go to Maven, e.g. -Dbench.changed-percent=50.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-sqlite}
feeds=${2:-10000}
case "$store" in
  sqlite) ;;
  postgres) [ -n "${SOCIUS_TEST_POSTGRES_URL:-}" ] || { echo "set SOCIUS_TEST_POSTGRES_URL for postgres" >&2; exit 1; } ;;
  *) echo "usage: $0 [sqlite|postgres] [FEEDS]" >&2; exit 1 ;;
esac
shift $(( $# < 2 ? $# : 2 ))
mvn -q test -Dtest=FeedRefreshBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.store="$store" \
  -Dbench.feeds="$feeds" -DargLine="-Xmx1g" "$@"
cat "target/bench-feeds-refresh-$store.txt"

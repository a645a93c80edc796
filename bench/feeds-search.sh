#!/usr/bin/env bash
# Feed search at size: ITEMS feed items (default 1,000,000) in FEEDS feeds (default 2,000) of one
# workspace, their text drawn from a Zipf-distributed vocabulary, seeded with SQL batches; then
# p50/p95 of ten searches through the API (rare, common and several words, an author, with feed,
# category, date and unread filters) and two through the reading page, measured through HTTP.
# Usage: bench/feeds-search.sh [sqlite|postgres] [ITEMS] [FEEDS]
#   a quick check: bench/feeds-search.sh sqlite 50000 200; at a million, -Dbench.page-requests=3 keeps
#   the run short (the reading page counts every feed's unread items, which costs more than the search)
# postgres needs SOCIUS_TEST_POSTGRES_URL (a server where the user may create databases).
# Prints a table and writes it to target/bench-feeds-search-<store>.txt. Extra -D options after
# the three arguments go to Maven, e.g. -Dbench.requests=300.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-sqlite}
items=${2:-1000000}
feeds=${3:-2000}
case "$store" in
  sqlite) ;;
  postgres) [ -n "${SOCIUS_TEST_POSTGRES_URL:-}" ] || { echo "set SOCIUS_TEST_POSTGRES_URL for postgres" >&2; exit 1; } ;;
  *) echo "usage: $0 [sqlite|postgres] [ITEMS] [FEEDS]" >&2; exit 1 ;;
esac
shift $(( $# < 3 ? $# : 3 ))
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q test -Dtest=FeedSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.store="$store" \
  -Dbench.items="$items" -Dbench.feeds="$feeds" -DargLine="-Xmx1g" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "target/bench-feeds-search-$store.txt"

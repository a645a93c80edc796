#!/usr/bin/env bash
# People and the inbox at size: PEOPLE people (default 100000), INTERACTIONS interactions (default
# 1000000) and INBOX inbox items (default 200000) in one workspace, seeded with SQL batches; then
# p50/p95/max of a person page, the people list's first page, the reconnect list, a people search
# (API and page), the inbox's first page (page and API) and a conversation, measured through HTTP;
# then the ingest rate of network events into People and the inbox.
# Usage: bench/people.sh [sqlite|postgres] [PEOPLE] [INTERACTIONS] [INBOX]
#   a quick check: bench/people.sh sqlite 10000 100000 20000
# postgres needs SOCIUS_TEST_POSTGRES_URL (a server where the user may create databases).
# Prints a table and writes it to target/bench-people-<store>.txt. Extra -D options after the
# four arguments go to Maven, e.g. -Dbench.requests=500.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-sqlite}
people=${2:-100000}
interactions=${3:-1000000}
case "$store" in
  sqlite) ;;
  postgres) [ -n "${SOCIUS_TEST_POSTGRES_URL:-}" ] || { echo "set SOCIUS_TEST_POSTGRES_URL for postgres" >&2; exit 1; } ;;
  *) echo "usage: $0 [sqlite|postgres] [PEOPLE] [INTERACTIONS] [INBOX]" >&2; exit 1 ;;
esac
inbox=${4:-200000}
shift $(( $# < 4 ? $# : 4 ))
mvn -q test -Dtest=PeopleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.store="$store" \
  -Dbench.people="$people" -Dbench.interactions="$interactions" -Dbench.inbox="$inbox" -DargLine="-Xmx1g" "$@"
cat "target/bench-people-$store.txt"

#!/usr/bin/env bash
# People at size: PEOPLE people (default 100000) and INTERACTIONS interactions (default 1000000)
# in one workspace, seeded with SQL batches; then p50/p95/max of a person page, the people list's
# first page, the reconnect list, and a people search (API and page), measured through HTTP.
# Usage: bench/people.sh [sqlite|postgres] [PEOPLE] [INTERACTIONS]
#   a quick check: bench/people.sh sqlite 10000 100000
# postgres needs SOCIUS_TEST_POSTGRES_URL (a server where the user may create databases).
# Prints a table and writes it to target/bench-people-<store>.txt. Extra -D options after the
# three arguments go to Maven, e.g. -Dbench.requests=500.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-sqlite}
people=${2:-100000}
interactions=${3:-1000000}
case "$store" in
  sqlite) ;;
  postgres) [ -n "${SOCIUS_TEST_POSTGRES_URL:-}" ] || { echo "set SOCIUS_TEST_POSTGRES_URL for postgres" >&2; exit 1; } ;;
  *) echo "usage: $0 [sqlite|postgres] [PEOPLE] [INTERACTIONS]" >&2; exit 1 ;;
esac
shift $(( $# < 3 ? $# : 3 ))
mvn -q test -Dtest=PeopleBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.store="$store" \
  -Dbench.people="$people" -Dbench.interactions="$interactions" -DargLine="-Xmx1g" "$@"
cat "target/bench-people-$store.txt"

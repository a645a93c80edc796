#!/usr/bin/env bash
# The inbox at size: ITEMS inbox items (default 200,000) in one workspace; p50 / p95 of the first
# page (page and API, each filter), the next page and a conversation through HTTP, and the ingest
# rate of network events into People and the inbox.
# Usage: bench/inbox.sh [sqlite|postgres] [ITEMS]
# postgres needs SOCIUS_TEST_POSTGRES_URL (a server where the user may create databases).
# Prints a table and writes it to target/bench-inbox-<store>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:-sqlite}
case "$store" in
  sqlite) ;;
  postgres) [ -n "${SOCIUS_TEST_POSTGRES_URL:-}" ] || { echo "set SOCIUS_TEST_POSTGRES_URL for postgres" >&2; exit 1; } ;;
  *) echo "usage: $0 [sqlite|postgres] [ITEMS]" >&2; exit 1 ;;
esac
mvn -q test -Dtest=InboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.store="$store" \
  -Dbench.items="${2:-200000}" -DargLine="-Xmx1g"
cat "target/bench-inbox-$store.txt"

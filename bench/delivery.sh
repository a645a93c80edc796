#!/usr/bin/env bash
# On-time, exactly-once delivery of scheduled posts to a local Mastodon statuses server that
# answers in 50 ms and records every request with its idempotency key.
# Usage: bench/delivery.sh [sqlite|postgres|postgres-two-nodes] [CHANNELS] [POSTS] [MINUTES]
#   defaults: sqlite 1000 10000 10 (1,000 posts a minute); a quick run: bench/delivery.sh sqlite 100 1000 1
# The PostgreSQL scenarios need SOCIUS_TEST_POSTGRES_URL (a server where the user may create
# databases). postgres-two-nodes kills one of two nodes with SIGKILL at 40 % of the window and
# starts it again 20 s later. Set-up (channels, posts) comes first and takes a few minutes.
# Prints a table and writes it to target/bench-delivery-<scenario>.txt (per post:
# target/bench-delivery-<scenario>.csv; node logs beside them). Extra -D options after the
# four arguments go to Maven, e.g. -Dbench.lead-seconds=600.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-sqlite}
channels=${2:-1000}
posts=${3:-10000}
minutes=${4:-10}
case "$scenario" in
  sqlite) ;;
  postgres|postgres-two-nodes)
    [ -n "${SOCIUS_TEST_POSTGRES_URL:-}" ] || { echo "set SOCIUS_TEST_POSTGRES_URL for $scenario" >&2; exit 1; } ;;
  *) echo "usage: $0 [sqlite|postgres|postgres-two-nodes] [CHANNELS] [POSTS] [MINUTES]" >&2; exit 1 ;;
esac
shift $(( $# < 4 ? $# : 4 ))
mvn -q test -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.scenario="$scenario" \
  -Dbench.channels="$channels" -Dbench.posts="$posts" -Dbench.minutes="$minutes" -DargLine="-Xmx1g" "$@"
cat "target/bench-delivery-$scenario.txt"

#!/usr/bin/env bash
# Analytics benchmark (issue 18, section 6). Not part of the test suite.
# Generates a year of search log (default 1,000,000 searches, a third clicked) and 100,000 cases in the test
# portal's in-memory H2, then measures: the rebuild of the search figures from the log (events/s), every insights
# area over 7, 30, 90 and 365 days (p50/p95 of 20 runs after 3 warm-ups), and the live aggregation path on one
# thread (searches/s). Prints RESULT lines (also in portal/target/bench/analytics.txt).
#
# Usage: ./scripts/bench-analytics.sh [searches] [cases]   (BENCH_AREAS=search,kcs: only those areas' pages)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,8s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk

mkdir -p portal/target/bench
./mvnw -B -o -q -pl portal test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dbench.analytics=true -Dbench.events="${1:-1000000}" -Dbench.cases="${2:-100000}" \
  -Dbench.areas="${BENCH_AREAS:-}" \
  | grep --line-buffered '^RESULT' | tee portal/target/bench/analytics.txt

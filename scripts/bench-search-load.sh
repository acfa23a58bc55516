#!/usr/bin/env bash
# Search API under a fixed arrival rate, with and without analytics (issue 18, section 6). Not part of the test suite.
#  1. generates N synthetic articles (default 20000) straight into a search index, as bench-search.sh does, and 1,000
#     queries of 1 to 4 words from the same vocabulary;
#  2. starts the packaged portal on a hard-linked copy of that index twice: analytics on, then off
#     (--answerloop.analytics.enabled=false: searches still publish their events and fill the search log, but no
#     analytics listener is registered); semantic search off; rate limits off, so 429s are not what is measured;
#  3. against each, an open-loop load (SearchApiLoad): GET /api/v1/search at RATE requests/s, each request the next
#     query, on a schedule that does not wait for responses; latency counts from each request's due time, so queueing
#     shows (no coordinated omission). A warm-up at the same rate first (BENCH_WARMUP_SECONDS, default 30), discarded;
#  4. prints one table: achieved rate, p50/p90/p99/max, errors, dropped sends (more than BENCH_MAX_IN_FLIGHT,
#     default 2000, responses outstanding), late sends (the client fell more than 1 ms behind) and the portal's own
#     "search analytics cannot keep up" warnings.
# The load generator shares the machine with the portal: run it on a quiet machine, and read "late sends" first.
#
# Usage: ./scripts/bench-search-load.sh [articles] [rate-per-second] [seconds]   (defaults 20000 2000 60)
# Settings: BENCH_PORT (18090), BENCH_WARMUP_SECONDS (30), BENCH_MAX_IN_FLIGHT (2000), BENCH_MODES ("on off").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,19s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

ARTICLES=${1:-20000}
RATE=${2:-2000}
SECONDS_PER_RUN=${3:-60}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30}
MAX_IN_FLIGHT=${BENCH_MAX_IN_FLIGHT:-2000}
MODES=${BENCH_MODES:-on off}
PORT=${BENCH_PORT:-18090}
WORK=$PWD/portal/target/bench-load
DATA=$WORK/data
QUERIES=$WORK/queries.txt

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk

rm -rf "$WORK"
mkdir -p "$WORK"
./mvnw -B -q -pl portal -am package -DskipTests -Dspotless.check.skip=true >&2
./mvnw -B -q -pl portal test-compile -Dspotless.check.skip=true >&2
classpath_file=$WORK/classpath.txt
./mvnw -B -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
classpath="portal/target/test-classes:portal/target/classes:$(cat "$classpath_file")"

echo "Generating and indexing $ARTICLES articles..." >&2
java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx2g -Dbench.index-only=true \
  -cp "$classpath" com.answerloop.search.SearchBenchmark "$DATA" "$ARTICLES" "$QUERIES" none >"$WORK/index.txt"
rm -f "$DATA/index/write.lock"

# shellcheck source=scripts/lib/bench-portal.sh
source scripts/lib/bench-portal.sh

for mode in $MODES; do
  # a fresh database per run, on hard links of the one index (Lucene never changes a file it has written)
  mkdir -p "$WORK/data-$mode/index"
  ln "$DATA"/index/* "$WORK/data-$mode/index/"
  start_portal "analytics-$mode" "$WORK/data-$mode" --answerloop.search.semantic.enabled=false \
    --answerloop.analytics.enabled="$([[ $mode == on ]] && echo true || echo false)"
  check_portal "analytics-$mode" "$ARTICLES" off CURRENT
  echo "Analytics $mode: $RATE requests/s for ${SECONDS_PER_RUN}s after ${WARMUP_SECONDS}s of warm-up..." >&2
  java -Xmx512m -cp "$classpath" com.answerloop.support.SearchApiLoad "http://127.0.0.1:$PORT" "$RATE" \
    "$SECONDS_PER_RUN" "$WARMUP_SECONDS" "$QUERIES" "$mode" "$MAX_IN_FLIGHT" | tee "$WORK/load-$mode.txt" >&2
  check_portal "analytics-$mode" "$ARTICLES" off CURRENT
  grep -c "Search analytics cannot keep up" "$WORK/portal-analytics-$mode.log" >"$WORK/dropped-records-$mode.txt" || true
  stop_portal
done

echo
echo "Search API at a fixed rate: $ARTICLES articles, $(nproc) CPU cores, $(date -u +%Y-%m-%dT%H:%MZ)," \
  "${SECONDS_PER_RUN}s per run after ${WARMUP_SECONDS}s warm-up, rate limits off, semantic search off"
echo
echo "| analytics | target | achieved | p50 ms | p90 ms | p99 ms | max ms | errors | dropped sends | late sends | max send lag ms | portal warnings: search records dropped |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for mode in $MODES; do
  grep -P '^RESULT\t' "$WORK/load-$mode.txt" | cut -f2- | tr '\t' '|' |
    sed "s/|/ | /g; s/^/| /; s/\$/ | $(cat "$WORK/dropped-records-$mode.txt") |/"
done

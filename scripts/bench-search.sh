#!/usr/bin/env bash
# Search benchmark (issue 3, section 6). Not part of the test suite.
#  1. generates N synthetic articles (default 200000) and indexes them through the portal's
#     index code (indexing throughput, index size);
#  2. in-process query latency/throughput through the search module with JMH (1 and 8 threads);
#  3. the same articles and queries in MariaDB with MATCH ... AGAINST (when 127.0.0.1:3306 answers);
#  4. starts the portal on that index and measures GET /api/v1/search with wrk, 1 and 8 connections,
#     and GET /api/v1/search/suggest (typeahead prefixes) with 8 connections;
#  5. prints a table with the ratios.
# Every stage prints its RESULT lines as soon as it has them (also in portal/target/bench/inprocess.txt).
# The MariaDB runs stop starting queries after 90 s each (-Dbench.mariadb.seconds via BENCH_JAVA_OPTS).
#
# Usage: ./scripts/bench-search.sh [articles] [seconds-per-wrk-run]
# Needs: wrk (installed from apt when missing), optionally MariaDB/MySQL on 127.0.0.1:3306 (root, no password).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,14s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

ARTICLES=${1:-200000}
SECONDS_PER_RUN=${2:-20}
PORT=${BENCH_PORT:-18089}
WORK=$PWD/portal/target/bench
DATA=$WORK/data
QUERIES=$WORK/queries.txt

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk
# shellcheck source=scripts/lib/wrk.sh
source scripts/lib/wrk.sh
answerloop_ensure_wrk

rm -rf "$WORK"
mkdir -p "$WORK"
./mvnw -B -q -pl portal -am package -DskipTests -Dspotless.check.skip=true >&2
./mvnw -B -q -pl portal test-compile -Dspotless.check.skip=true >&2
classpath_file=$WORK/classpath.txt
./mvnw -B -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2

JDBC=none
if (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
  JDBC="jdbc:mysql://127.0.0.1:3306/answerloop_bench?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
fi

echo "Generating and indexing $ARTICLES articles, measuring in-process and MariaDB ($JDBC)..." >&2
# shellcheck disable=SC2086
java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx2g ${BENCH_JAVA_OPTS:-} \
  -cp "portal/target/test-classes:portal/target/classes:$(cat "$classpath_file")" \
  com.answerloop.search.SearchBenchmark "$DATA" "$ARTICLES" "$QUERIES" "$JDBC" | tee "$WORK/inprocess.txt" | grep --line-buffered '^RESULT' >&2 || true

echo "Starting the portal on the generated index (port $PORT)..." >&2
java -Xmx1g --add-modules jdk.incubator.vector -Xlog:gc:file="$WORK/gc.log" -jar portal/target/answerloop-portal.jar --server.port="$PORT" \
  --answerloop.data-dir="$DATA" --answerloop.content-dir="$WORK/no-content" \
  --answerloop.content.import-on-start=false >"$WORK/portal.log" 2>&1 &
PORTAL=$!
trap 'kill $PORTAL 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

cat >"$WORK/search.lua" <<'LUA'
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end
local i = math.random(1, #queries)
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/api/v1/search?q=" .. encode(queries[i]))
end
LUA
# typeahead: what a user has typed after 2 to 6 letters of a query
sed 's|"/api/v1/search?q=" .. encode(queries\[i\])|"/api/v1/search/suggest?q=" .. encode(string.sub(queries[i], 1, 2 + i % 5))|' \
  "$WORK/search.lua" >"$WORK/suggest.lua"
# (before 2026-11-24 16:00 UTC this sed had no input file, so suggest.lua was empty and wrk measured "/")
grep -q '/api/v1/search/suggest' "$WORK/suggest.lua" || {
  echo "error: $WORK/suggest.lua does not request the suggest API" >&2
  exit 1
}

# Warm up the JIT and caches under the load measured next: with both cores busy the JIT compiles slowly, and a
# 10-second warm-up with 4 connections left the first 8-connection run about 10 % below the runs after it.
QUERIES=$QUERIES wrk -t2 -c8 -d30s -s "$WORK/search.lua" "http://127.0.0.1:$PORT" >/dev/null
for c in 1 8; do
  threads=$((c < 2 ? 1 : 2))
  QUERIES=$QUERIES wrk -t"$threads" -c"$c" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/search.lua" \
    "http://127.0.0.1:$PORT" >"$WORK/wrk-$c.txt"
done
QUERIES=$QUERIES wrk -t1 -c4 -d5s -s "$WORK/suggest.lua" "http://127.0.0.1:$PORT" >/dev/null
QUERIES=$QUERIES wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/suggest.lua" \
  "http://127.0.0.1:$PORT" >"$WORK/wrk-suggest.txt"

value() { grep -P "^RESULT\t$1\t" "$WORK/inprocess.txt" | cut -f3; }
wrk_rps() { awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$1.txt"; }
wrk_pct() { awk -v p="$2%" '$1 == p {print $2}' "$WORK/wrk-$1.txt"; }
qps() { sed -n 's/^\([0-9.]*\) q\/s.*/\1/p' <<<"$1"; }

echo
echo "Search benchmark: $ARTICLES articles, $(nproc) CPU cores, $(date -u +%Y-%m-%d)"
echo
echo "| measurement | result |"
echo "| --- | --- |"
grep '^RESULT' "$WORK/inprocess.txt" | while IFS=$'\t' read -r _ name result; do echo "| $name | $result |"; done
for c in 1 8; do
  echo "| HTTP /api/v1/search, $c connection(s) (wrk) | $(wrk_rps $c) req/s, p50 $(wrk_pct $c 50), p99 $(wrk_pct $c 99) |"
done
echo "| HTTP /api/v1/search/suggest, 8 connections (wrk) | $(wrk_rps suggest) req/s, p50 $(wrk_pct suggest 50), p99 $(wrk_pct suggest 99) |"
in1=$(qps "$(value 'in-process, 1 thread \(JMH\)')")
in8=$(qps "$(value 'in-process, 8 threads \(JMH\)')")
db8=$(qps "$(value 'MariaDB MATCH AGAINST, 8 threads')")
db1=$(qps "$(value 'MariaDB MATCH AGAINST, 1 thread')")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "| ratio API / in-process throughput, 1 client | $(ratio "$(wrk_rps 1)" "$in1") |"
echo "| ratio API / in-process throughput, 8 clients | $(ratio "$(wrk_rps 8)" "$in8") |"
echo "| ratio portal API / MariaDB throughput, 1 client | $(ratio "$(wrk_rps 1)" "$db1") |"
echo "| ratio portal API / MariaDB throughput, 8 clients | $(ratio "$(wrk_rps 8)" "$db8") |"

#!/usr/bin/env bash
# Search benchmark (issue 3, section 6; hybrid runs: issue 15, section 6). Not part of the test suite.
#  1. generates N synthetic articles (default 200000) and indexes them through the portal's index code (indexing
#     throughput, index size);
#  2. in-process query latency/throughput through the search module with JMH (1 and 8 threads);
#  3. the same articles and queries in MariaDB with MATCH ... AGAINST (when 127.0.0.1:3306 answers);
#  4. hybrid (skipped with BENCH_SEMANTIC=false): the query embedding's cost alone, then the same articles in a second
#     index with passage vectors from the shipped model, embedded until BENCH_SEMANTIC_MINUTES (default 30) have
#     passed or BENCH_SEMANTIC_ARTICLES (default all) have vectors; the rest are written by words only and the time
#     for all is extrapolated. JMH on that index: words only, hybrid with every query embedded, hybrid with cached
#     embeddings, 1 and 8 threads each, with the query-embedding cache's hits and the ratios;
#  5. starts the portal (semantic search off) on the first index and measures GET /api/v1/search with wrk, 1 and 8
#     connections, and GET /api/v1/search/suggest (typeahead prefixes) with 8 connections;
#  6. hybrid: starts the portal on the second index with semantic search on, then off (on a hard-linked copy, which
#     it may mark as "vectors being replaced" without spoiling the original), and measures the search API with 1 and
#     8 connections each over queries no earlier request to that portal used, so no query embedding comes from the
#     cache; each portal's heap and RSS after its runs;
#  7. prints a table with the ratios.
# Every portal must report the expected document count, semantic mode and no rebuild, or the script stops.
# Every stage prints its RESULT lines as soon as it has them (also in portal/target/bench/inprocess.txt).
# Settings (BENCH_JAVA_OPTS): -Dbench.mariadb.seconds=N (default 90) stops each MariaDB run starting queries;
# -Dbench.jmh.seconds=N (default 5) is the length of each JMH iteration; -Dbench.reuse=true keeps both indexes of an
# earlier run of the same size. BENCH_WARMUP_SECONDS (default 30): the wrk warm-up before each portal's runs.
#
# Usage: ./scripts/bench-search.sh [articles] [seconds-per-wrk-run]
# Needs: wrk (installed from apt when missing), optionally MariaDB/MySQL on 127.0.0.1:3306 (root, no password).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,26s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

ARTICLES=${1:-200000}
SECONDS_PER_RUN=${2:-20}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-30}
SEMANTIC=${BENCH_SEMANTIC:-true}
SEMANTIC_ARTICLES=${BENCH_SEMANTIC_ARTICLES:-$ARTICLES}
SEMANTIC_MINUTES=${BENCH_SEMANTIC_MINUTES:-30}
PORT=${BENCH_PORT:-18089}
WORK=$PWD/portal/target/bench
DATA=$WORK/data
HYBRID_DATA=$WORK/data-hybrid
QUERIES=$WORK/queries.txt
HYBRID_QUERIES=$WORK/hybrid-queries.txt

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk
# shellcheck source=scripts/lib/wrk.sh
source scripts/lib/wrk.sh
answerloop_ensure_wrk

if [[ ${BENCH_JAVA_OPTS:-} == *-Dbench.reuse=true* ]]; then
  # the indexes stay for reuse; everything else (figures, logs, the semantic-off portal's copy) is made again
  mkdir -p "$WORK"
  find "$WORK" -mindepth 1 -maxdepth 1 ! -name data ! -name data-hybrid -exec rm -rf {} +
else
  rm -rf "$WORK"
  mkdir -p "$WORK"
fi
./mvnw -B -q -pl portal -am package -DskipTests -Dspotless.check.skip=true >&2
./mvnw -B -q -pl portal test-compile -Dspotless.check.skip=true >&2
classpath_file=$WORK/classpath.txt
./mvnw -B -q -pl portal dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2

JDBC=none
if (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
  JDBC="jdbc:mysql://127.0.0.1:3306/answerloop_bench?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
fi
hybrid_args=(none none)
if [[ $SEMANTIC == true ]]; then
  hybrid_args=("$HYBRID_DATA" "$HYBRID_QUERIES")
fi

echo "Generating and indexing $ARTICLES articles, measuring in-process and MariaDB ($JDBC)..." >&2
# shellcheck disable=SC2086
java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx2g \
  -Dbench.semantic.articles="$SEMANTIC_ARTICLES" -Dbench.semantic.minutes="$SEMANTIC_MINUTES" ${BENCH_JAVA_OPTS:-} \
  -cp "portal/target/test-classes:portal/target/classes:$(cat "$classpath_file")" \
  com.answerloop.search.SearchBenchmark "$DATA" "$ARTICLES" "$QUERIES" "$JDBC" "${hybrid_args[@]}" |
  tee "$WORK/inprocess.txt" | grep --line-buffered '^RESULT' >&2 || true

value() { grep -P "^RESULT\t$1\t" "$WORK/inprocess.txt" | cut -f3; }

# shellcheck source=scripts/lib/bench-portal.sh
source scripts/lib/bench-portal.sh

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
# Every query once: thread t of T sends lines FIRST + t, FIRST + t + T, ... and at the end wrk prints where the next
# run should start, so the runs against one portal repeat no query until the file is used up.
cat >"$WORK/distinct.lua" <<'LUA'
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end
function init(args)
  queries = {}
  for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end
  first = tonumber(os.getenv("FIRST"))
  step = tonumber(os.getenv("THREADS"))
  sent = 0
end
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  local line = first + id + sent * step
  sent = sent + 1
  return wrk.format("GET", "/api/v1/search?q=" .. encode(queries[line % #queries + 1]))
end
function done(summary, latency, requests)
  local next = 0
  for _, thread in ipairs(threads) do
    next = math.max(next, thread:get("first") + thread:get("id") + thread:get("sent") * thread:get("step"))
  end
  io.write(string.format("next=%d\n", next))
end
LUA

start_portal words "$DATA" --answerloop.search.semantic.enabled=false
check_portal words "$ARTICLES" off CURRENT
# Warm up the JIT and caches under the load measured next: with both cores busy the JIT compiles slowly, and a
# 10-second warm-up with 4 connections left the first 8-connection run about 10 % below the runs after it.
QUERIES=$QUERIES wrk -t2 -c8 -d"${WARMUP_SECONDS}s" -s "$WORK/search.lua" "http://127.0.0.1:$PORT" >/dev/null
for c in 1 8; do
  threads=$((c < 2 ? 1 : 2))
  QUERIES=$QUERIES wrk -t"$threads" -c"$c" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/search.lua" \
    "http://127.0.0.1:$PORT" >"$WORK/wrk-$c.txt"
done
QUERIES=$QUERIES wrk -t1 -c4 -d5s -s "$WORK/suggest.lua" "http://127.0.0.1:$PORT" >/dev/null
QUERIES=$QUERIES wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/suggest.lua" \
  "http://127.0.0.1:$PORT" >"$WORK/wrk-suggest.txt"
check_portal words "$ARTICLES" off CURRENT
portal_memory words
stop_portal

# distinct_runs <name>: warm-up, then 1 and 8 connections, over the hybrid queries, none sent twice to this portal
distinct_runs() {
  local name=$1 next=0 run c threads seconds
  for run in warmup 1 8; do
    c=${run/warmup/8}
    threads=$((c < 2 ? 1 : 2))
    seconds=$([[ $run == warmup ]] && echo "$WARMUP_SECONDS" || echo "$SECONDS_PER_RUN")
    QUERIES=$HYBRID_QUERIES FIRST=$next THREADS=$threads wrk -t"$threads" -c"$c" -d"${seconds}s" --latency \
      -s "$WORK/distinct.lua" "http://127.0.0.1:$PORT" >"$WORK/wrk-$name-$run.txt"
    next=$(sed -n 's/^next=//p' "$WORK/wrk-$name-$run.txt")
  done
  echo "$next" >"$WORK/queries-used-$name.txt"
}

hybrid_documents=$(grep -P '^RESULT\thybrid index: articles\t' "$WORK/inprocess.txt" | cut -f3 | grep -o '^[0-9]*' || true)
if [[ $SEMANTIC == true && -z $hybrid_documents ]]; then
  echo "No hybrid index was built ($(value 'hybrid index' || true)); the hybrid HTTP runs are skipped." >&2
  SEMANTIC=false
fi
if [[ $SEMANTIC == true ]]; then
  start_portal hybrid "$HYBRID_DATA"
  check_portal hybrid "$hybrid_documents" on CURRENT
  distinct_runs hybrid
  check_portal hybrid "$hybrid_documents" on CURRENT
  portal_memory hybrid
  stop_portal

  # Semantic search off on the same index: without a rebuild at start (it would drop the vectors by writing every
  # document again) and on hard links of its files, as this portal records in its commits that the vectors are
  # being replaced. Lucene never changes a file it has written, so the original stays as it was.
  rm -rf "$WORK/data-hybrid-off"
  mkdir -p "$WORK/data-hybrid-off/index"
  ln "$HYBRID_DATA"/index/* "$WORK/data-hybrid-off/index/"
  rm -f "$WORK/data-hybrid-off/index/write.lock"
  start_portal hybrid-off "$WORK/data-hybrid-off" --answerloop.search.semantic.enabled=false \
    --answerloop.search.rebuild-on-start=false
  check_portal hybrid-off "$hybrid_documents" off OTHER_VECTORS
  distinct_runs hybrid-off
  check_portal hybrid-off "$hybrid_documents" off OTHER_VECTORS
  portal_memory hybrid-off
  stop_portal
fi

wrk_rps() { awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$1.txt"; }
wrk_pct() { awk -v p="$2%" '$1 == p {print $2}' "$WORK/wrk-$1.txt"; }
# refused or failed requests, which would make a run look faster than it is
wrk_errors() {
  awk '/Non-2xx or 3xx responses/ {n += $NF}
    /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10}
    END {if (n > 0) printf ", %d errors", n}' "$WORK/wrk-$1.txt"
}
wrk_row() { echo "$(wrk_rps "$1") req/s, p50 $(wrk_pct "$1" 50), p99 $(wrk_pct "$1" 99)$(wrk_errors "$1")"; }
qps() { sed -n 's/^\([0-9.]*\) q\/s.*/\1/p' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
echo "Search benchmark: $ARTICLES articles, $(nproc) CPU cores, $(date -u +%Y-%m-%d)"
echo
echo "| measurement | result |"
echo "| --- | --- |"
grep '^RESULT' "$WORK/inprocess.txt" | while IFS=$'\t' read -r _ name result; do echo "| $name | $result |"; done
for c in 1 8; do
  echo "| HTTP /api/v1/search, $c connection(s) (wrk) | $(wrk_row "$c") |"
done
echo "| HTTP /api/v1/search/suggest, 8 connections (wrk) | $(wrk_row suggest) |"
echo "| portal memory after the runs: words-only index | $(cat "$WORK/memory-words.txt") |"
in1=$(qps "$(value 'in-process, 1 thread \(JMH\)')")
in8=$(qps "$(value 'in-process, 8 threads \(JMH\)')")
db8=$(qps "$(value 'MariaDB MATCH AGAINST, 8 threads')")
db1=$(qps "$(value 'MariaDB MATCH AGAINST, 1 thread')")
echo "| ratio API / in-process throughput, 1 client | $(ratio "$(wrk_rps 1)" "$in1") |"
echo "| ratio API / in-process throughput, 8 clients | $(ratio "$(wrk_rps 8)" "$in8") |"
echo "| ratio portal API / MariaDB throughput, 1 client | $(ratio "$(wrk_rps 1)" "$db1") |"
echo "| ratio portal API / MariaDB throughput, 8 clients | $(ratio "$(wrk_rps 8)" "$db8") |"
if [[ $SEMANTIC == true ]]; then
  for mode in hybrid hybrid-off; do
    label=$([[ $mode == hybrid ]] && echo "semantic search on" || echo "semantic search off")
    for c in 1 8; do
      echo "| HTTP /api/v1/search, hybrid index, $label, $c connection(s) (wrk) | $(wrk_row "$mode-$c") |"
    done
  done
  for c in 1 8; do
    echo "| ratio hybrid / words-only API throughput (same index), $c client(s) | $(ratio "$(wrk_rps "hybrid-$c")" "$(wrk_rps "hybrid-off-$c")") |"
  done
  distinct=$(wc -l <"$HYBRID_QUERIES")
  used=$(cat "$WORK/queries-used-hybrid.txt")
  repeats=$([[ $used -le $distinct ]] && echo "none repeated" || echo "$((used - distinct)) repeated: cache hits possible")
  echo "| queries sent to the hybrid portal (warm-up included) | $used of $distinct distinct, $repeats |"
  echo "| portal memory after the runs: hybrid index, semantic search on | $(cat "$WORK/memory-hybrid.txt") |"
  echo "| portal memory after the runs: hybrid index, semantic search off | $(cat "$WORK/memory-hybrid-off.txt") |"
fi

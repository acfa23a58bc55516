# shellcheck shell=bash
# The benchmark scripts' portal: started from the packaged jar on $PORT with its data in a directory of $WORK, checked
# and measured. The caller sets WORK and PORT; PORTAL holds the running portal's process id, killed on exit.

PORTAL=
trap 'if [[ -n $PORTAL ]]; then kill "$PORTAL" 2>/dev/null || true; fi' EXIT

# start_portal <name> <data-dir> [portal arguments...]: the packaged portal on port $PORT, rate limits off (one wrk
# client would otherwise get 429 after 120 searches a minute), health details shown for check_portal
start_portal() {
  local name=$1 data=$2
  shift 2
  echo "Starting the portal: $name (port $PORT)..." >&2
  java -Xmx1g --add-modules jdk.incubator.vector -Xlog:gc:file="$WORK/gc-$name.log" -jar portal/target/answerloop-portal.jar \
    --server.port="$PORT" --answerloop.data-dir="$data" --answerloop.content-dir="$WORK/no-content" \
    --answerloop.content.import-on-start=false --answerloop.rate-limits.enabled=false \
    --management.endpoint.health.show-details=always "$@" >"$WORK/portal-$name.log" 2>&1 &
  PORTAL=$!
  # ready when the health endpoint says UP (200); check_portal says what is wrong if it never does
  for _ in $(seq 1 180); do
    kill -0 "$PORTAL" 2>/dev/null || break
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health") == 200 ]] && return 0
    sleep 1
  done
}

stop_portal() {
  kill "$PORTAL"
  wait "$PORTAL" 2>/dev/null || true
  PORTAL=
}

# check_portal <name> <documents> <semantic: on|off> <what the index was found as>: the portal serves the generated
# index as it is, in the intended mode. A portal that finds an index it must rebuild (incomplete, vectors of another
# model) writes every document again from its empty database, which would measure searches over an emptying index.
check_portal() {
  local name=$1 documents=$2 semantic=$3 found=$4 health index problem=""
  health=$(curl -s "http://127.0.0.1:$PORT/actuator/health")
  # the searchIndex component: an object holding one more (its details)
  index=$(grep -o '"searchIndex":{[^{}]*\({[^{}]*}[^{}]*\)*}' <<<"$health" || true)
  grep -q '"status":"UP"' <<<"$index" || problem="searchIndex is not UP"
  grep -q "\"documents\":$documents[,}]" <<<"$index" || problem="$problem; not $documents documents"
  grep -q '"rebuilding":false' <<<"$index" || problem="$problem; rebuilding"
  grep -q "\"semantic\":\"$semantic" <<<"$index" || problem="$problem; semantic search not $semantic"
  grep -q "Search index at .*: $found\$" "$WORK/portal-$name.log" || problem="$problem; index not found $found"
  ! grep -q "Search index rebuild started" "$WORK/portal-$name.log" || problem="$problem; a rebuild started"
  if [[ -n $problem ]]; then
    echo "error: the portal ($name) does not serve the benchmark's index as it is: ${problem#; }" >&2
    echo "health: $health" >&2
    exit 1
  fi
}

# portal_memory <name>: heap used after the runs and after a full GC, and resident memory (the model and the
# memory-mapped index files live outside the heap)
portal_memory() {
  local before after rss
  before=$(jcmd "$PORTAL" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
  jcmd "$PORTAL" GC.run >/dev/null
  after=$(jcmd "$PORTAL" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$PORTAL/status")
  echo "heap $((before / 1024)) MB, $((after / 1024)) MB after a full GC; RSS $((rss / 1024)) MB" >"$WORK/memory-$1.txt"
}

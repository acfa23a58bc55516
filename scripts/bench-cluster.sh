#!/usr/bin/env bash
# Index propagation delay between two cluster nodes (docs/performance.md, "Cluster mode").
# Usage: scripts/bench-cluster.sh --writer http://127.0.0.1:8092 --reader http://127.0.0.1:8093 [--changes 1000]
#   Signs in on the writer as ANSWERLOOP_ADMIN_EMAIL / ANSWERLOOP_ADMIN_PASSWORD, posts N questions through the API
#   (start the nodes with rate limits off), waits until the reader has applied them, and prints the reader's
#   answerloop.index.feed.delay percentiles: from the change written on the writer to the reader's index write.
set -euo pipefail

writer=http://127.0.0.1:8092
reader=http://127.0.0.1:8093
changes=1000
while [[ $# -gt 0 ]]; do
  case $1 in
    --writer) writer=$2; shift 2 ;;
    --reader) reader=$2; shift 2 ;;
    --changes) changes=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
email=${ANSWERLOOP_ADMIN_EMAIL:-admin@example.com}
password=${ANSWERLOOP_ADMIN_PASSWORD:?set ANSWERLOOP_ADMIN_PASSWORD}

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf() {
  local page
  page=$(curl -s -b "$jar" -c "$jar" "$1")
  sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' <<< "$page" | tail -1
}

token=$(csrf "$writer/login")
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$email" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "$writer/login"
token=$(csrf "$writer/")

metric() {
  local metrics
  metrics=$(curl -s "$reader/actuator/prometheus")
  awk -v name="$1" '$1 ~ "^"name && !found {print $2; found = 1}' <<< "$metrics"
}
before=$(metric 'answerloop_index_feed_delay_seconds_count' || echo 0)
before=${before:-0}

start=$(date +%s.%N)
for i in $(seq 1 "$changes"); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $token" -H "X-CSRF-TOKEN: $token" \
    -H 'Content-Type: application/json' -d "{\"topic\":\"general\",\"title\":\"Propagation check number $i of $changes\",\"body\":\"Measuring how fast change $i reaches the other node of the cluster.\",\"tags\":[\"bench\"]}" \
    "$writer/api/v1/threads")
  [[ $status == 201 ]] || { echo "post $i answered $status" >&2; exit 1; }
done
posted=$(date +%s.%N)

for _ in $(seq 1 600); do
  count=$(metric 'answerloop_index_feed_delay_seconds_count')
  awk -v c="${count:-0}" -v b="$before" -v n="$changes" 'BEGIN { exit !(c - b >= n) }' && break
  sleep 0.5
done
applied=$(date +%s.%N)

echo "changes: $changes, posted in $(awk -v a="$start" -v b="$posted" 'BEGIN{printf "%.1f", b-a}') s, all applied on the reader $(awk -v a="$posted" -v b="$applied" 'BEGIN{printf "%.1f", b-a}') s after the last post"
curl -s "$reader/actuator/prometheus" | grep -E '^answerloop_index_feed_delay_seconds(\{|_count|_max)'

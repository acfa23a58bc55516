#!/usr/bin/env bash
# Measures HTTP throughput and latency of a running Answerloop portal with wrk:
# requests/s and p50/p99 latency of an article page, a community thread page, the search API and typeahead suggestions.
#
# Usage: ./scripts/perf-http.sh [options] [article-slug]
#   article-slug        article for /articles/<slug> (default: first slug from GET /api/v1/articles)
#   --url URL           portal base URL (default: $ANSWERLOOP_PERF_URL or http://127.0.0.1:8080)
#   --duration D        measured run per endpoint, wrk syntax (default: 30s)
#   --warmup D          unmeasured warm-up per endpoint, lets the JIT and caches settle (default: 10s)
#   --connections N     concurrent connections (default: 4)
#   --threads N         wrk threads (default: min(connections, CPU cores))
#   --query Q           search query for /api/v1/search (default: password)
#   --prefix P          what a user has typed, for /api/v1/search/suggest (default: pass)
#   --thread PATH       community thread page (default: the first one in GET /api/v1/threads; skipped without threads)
# Start the portal first (./scripts/run.sh) and run this on the same machine. Figures go to
# docs/performance.md together with the exact command and the machine they came from.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

base_url=${ANSWERLOOP_PERF_URL:-http://127.0.0.1:8080}
duration=30s
warmup=10s
connections=4
threads=""
query=password
prefix=pass
slug=""
thread=""

usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; }

while (($# > 0)); do
  case $1 in
    --url) base_url=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --query) query=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --thread) thread=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "error: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) slug=$1; shift ;;
  esac
done
base_url=${base_url%/}
cores=$(nproc 2>/dev/null || echo 1)
if [[ -z $threads ]]; then
  threads=$((connections < cores ? connections : cores))
fi

# shellcheck source=scripts/lib/wrk.sh
source scripts/lib/wrk.sh
answerloop_ensure_wrk

if ! curl -fsS -o /dev/null "$base_url/actuator/health"; then
  echo "error: no healthy portal at $base_url (GET /actuator/health failed). Start it with ./scripts/run.sh" >&2
  exit 1
fi

if [[ -z $slug ]]; then
  slug=$(curl -fsS "$base_url/api/v1/articles" | grep -o '"slug" *: *"[^"]*"' | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/') || true
  if [[ -z $slug ]]; then
    echo "error: could not find an article slug in GET $base_url/api/v1/articles; pass one as argument" >&2
    exit 1
  fi
fi

if [[ -z $thread ]]; then
  thread=$(curl -fsS "$base_url/api/v1/threads" | grep -o '"url" *: *"/community/threads/[^"]*"' | head -n 1 \
    | sed 's/.*"\([^"]*\)"$/\1/') || true
fi

url_encode() { printf '%s' "$1" | sed 's/%/%25/g; s/ /%20/g; s/&/%26/g; s/+/%2B/g; s/#/%23/g'; }
names=("article page" "search API" "suggest API")
paths=("/articles/$slug" "/api/v1/search?q=$(url_encode "$query")" "/api/v1/search/suggest?q=$(url_encode "$prefix")")
if [[ -n $thread ]]; then
  names+=("thread page")
  paths+=("$thread")
fi

# Converts wrk's latency (e.g. 812.00us, 1.52ms, 1.01s) to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000
    else if (v ~ /ms$/) n = n
    else if (v ~ /m$/) n = n * 60000
    else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n
  }'
}

# Check every endpoint before measuring any, so a wrong slug fails fast.
for path in "${paths[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base_url$path")
  if [[ $status != 200 ]]; then
    echo "error: GET $base_url$path answered $status, expected 200" >&2
    exit 1
  fi
done

rows=()
for i in "${!paths[@]}"; do
  url="$base_url${paths[$i]}"
  echo "Warming up ${names[$i]} ($url) for $warmup..." >&2
  wrk -t "$threads" -c "$connections" -d "$warmup" "$url" >/dev/null
  echo "Measuring ${names[$i]} for $duration with $connections connections, $threads threads..." >&2
  out=$(wrk -t "$threads" -c "$connections" -d "$duration" --latency "$url")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {for (i = 3; i <= NF; i++) {gsub(",", "", $i); if ($i ~ /^[0-9]+$/) n += $i}} END {print n + 0}' <<<"$out")
  rows+=("$(printf '| %-12s | %-40s | %10s | %8s | %8s | %9s | %6s |' \
    "${names[$i]}" "${paths[$i]}" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$total" "$errors")")
done

echo
echo "Answerloop HTTP performance: $base_url, $(date -u +%Y-%m-%dT%H:%MZ), $cores CPU cores, wrk -t$threads -c$connections -d$duration (after $warmup warm-up)"
echo
printf '| %-12s | %-40s | %10s | %8s | %8s | %9s | %6s |\n' endpoint path "requests/s" "p50 ms" "p99 ms" requests errors
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------" "------------------------------------------" "-----------:" "---------:" "---------:" "----------:" "-------:"
printf '%s\n' "${rows[@]}"

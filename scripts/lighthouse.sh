#!/usr/bin/env bash
# Lighthouse scores for the six pages customers use most (home, article, search, community, thread, contact), with
# the desktop and the mobile preset: accessibility, best practices and SEO. The goal (issue 13) is 0.95 or more in
# each, except SEO on the search page, which is noindex on purpose; the script exits 1 when a score is below it.
#
# It packages the portal, starts a copy of the jar on a fresh data directory (shipped kb-content, embedded H2) on
# LIGHTHOUSE_PORT, posts one community question as a first administrator so a thread page exists, runs Lighthouse
# (pinned in scripts/lighthouse/package.json, installed from the npm registry on first use) with Debian's Chromium,
# prints a table and stops the portal. Reports are kept in target/lighthouse/.
#
# Usage: ./scripts/lighthouse.sh [--no-build]
#   --no-build   use portal/target/answerloop-portal.jar as it is
# Environment: LIGHTHOUSE_PORT (8096), CHROME_PATH (/usr/bin/chromium), LIGHTHOUSE_MIN (0.95)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
port=${LIGHTHOUSE_PORT:-8096}
chrome=${CHROME_PATH:-/usr/bin/chromium}
min=${LIGHTHOUSE_MIN:-0.95}
tools=scripts/lighthouse
reports=target/lighthouse

if [[ ! -x $tools/node_modules/.bin/lighthouse ]]; then
  echo "Installing Lighthouse into $tools/node_modules (once)..." >&2
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
fi

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk
if [[ ${1:-} != --no-build ]]; then
  ./mvnw -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true package
fi

base=http://localhost:$port
if curl -fs -o /dev/null "$base/actuator/health"; then
  echo "error: something already answers on port $port; set LIGHTHOUSE_PORT" >&2
  exit 1
fi
work=$(mktemp -d)
cp portal/target/answerloop-portal.jar "$work/portal.jar"
admin=lighthouse.admin@example.org
password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
ANSWERLOOP_DATA_DIR=$work/data ANSWERLOOP_ADMIN_EMAIL=$admin ANSWERLOOP_ADMIN_PASSWORD=$password \
  java -jar "$work/portal.jar" --server.port="$port" >"$work/portal.log" 2>&1 &
portal=$!
cleanup() {
  # the portal ends with 143 when stopped; that is not this script's result (set -e would make it so)
  kill "$portal" 2>/dev/null && wait "$portal" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Starting the portal on $base (log: $work/portal.log)..." >&2
for _ in $(seq 1 240); do
  if curl -fs "$base/api/v1/search?q=password" 2>/dev/null | grep -q '"total":[1-9]'; then
    break
  fi
  if ! kill -0 "$portal" 2>/dev/null; then
    cat "$work/portal.log" >&2
    echo "error: the portal stopped" >&2
    exit 1
  fi
  sleep 1
done

# A thread page needs a thread: the first administrator asks one question through the API. Retried: a loaded machine
# can put the fresh portal in read-only mode for a few seconds, which refuses the sign-in and the post.
cookies=$work/cookies
csrf_of() { sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1; }
ask_question() {
  local token
  rm -f "$cookies"
  token=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | csrf_of)
  curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$admin" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login"
  token=$(curl -s -c "$cookies" -b "$cookies" "$base/" | csrf_of)
  curl -s -c "$cookies" -b "$cookies" -H "X-CSRF-TOKEN: $token" -H 'Content-Type: application/json' \
    -d '{"topic":"general","title":"How do I export all my invoices at once?","body":"I need every invoice of last year as PDF files for my accountant. Is there a way to download them together?","tags":["billing"]}' \
    "$base/api/v1/threads" | sed -n 's/.*"threadId":\([0-9]*\).*/\1/p'
}
thread=
for _ in $(seq 1 30); do
  thread=$(ask_question || true)
  [[ -n $thread ]] && break
  sleep 2
done
if [[ -z $thread ]]; then
  echo "error: could not post the community question for the thread page (log: $work/portal.log)" >&2
  exit 1
fi

pages=(
  "home /"
  "article /articles/reset-password"
  "search /search?q=password"
  "community /community"
  "thread /community/threads/$thread"
  "contact /contact"
)
mkdir -p "$reports"
below=0
printf '%-10s %-8s %14s %15s %6s\n' page preset accessibility best-practices seo
for entry in "${pages[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  for preset in desktop mobile; do
    report=$reports/$name-$preset.json
    preset_flag=()
    [[ $preset == desktop ]] && preset_flag=(--preset=desktop)
    "$tools/node_modules/.bin/lighthouse" "$base$path" "${preset_flag[@]}" --quiet \
      --chrome-path="$chrome" --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --only-categories=accessibility,best-practices,seo --output=json --output-path="$report"
    read -r a b s < <(node -e '
      const c = require(process.argv[1]).categories;
      console.log([c.accessibility, c["best-practices"], c.seo].map(x => x.score).join(" "));' "$(pwd)/$report")
    printf '%-10s %-8s %14s %15s %6s\n' "$name" "$preset" "$a" "$b" "$s"
    checked=("$a" "$b" "$s")
    # the search page is noindex on purpose (docs/architecture.md#accessibility-and-lighthouse): its SEO is not a goal
    [[ $name == search ]] && checked=("$a" "$b")
    for score in "${checked[@]}"; do
      if awk -v s="$score" -v m="$min" 'BEGIN { exit !(s < m) }'; then
        below=1
      fi
    done
  done
done
if ((below)); then
  echo "Some scores are below $min: see the failed audits in $reports/*.json" >&2
  exit 1
fi
echo "Every score is $min or more (search SEO excepted)." >&2

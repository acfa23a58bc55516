#!/usr/bin/env bash
# The replay of search that learns from the loop (docs/search.md, "Phrasings learned from the loop"):
# each StackFAQ thread's paraphrases split into a history half, fed through the portal's learning
# store as three visitors' searches that ended on the thread's article, and a future half, evaluated
# before and after the articles are written again with what was learned. Prints nDCG@10 and
# Recall@1, words only and hybrid.
#
# Usage: ./scripts/eval-search-replay.sh [path/to/stackExchange-FAQ.xml]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,8s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

# shellcheck source=scripts/lib/test-main.sh
source scripts/lib/test-main.sh
answerloop_run_test_main com.answerloop.search.LearningReplay "$@"

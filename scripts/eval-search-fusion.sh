#!/usr/bin/env bash
# Compares the two ways of fusing the word and meaning rankings (docs/search.md, "Fusion"):
# reciprocal-rank fusion, and a weighted sum of normalised scores at several word weights, on
# StackFAQ and its FAQ-shaped variant, each split into a tuning half (threads of even id) and a
# held-out half, through the portal's real index and query code. Prints nDCG@10 per half.
# The model and its floor: JAVA_TOOL_OPTIONS="-Dmodel=<name> -DminSimilarity=<cosine>".
#
# Usage: ./scripts/eval-search-fusion.sh
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
answerloop_run_test_main com.answerloop.search.FusionStudy "$@"

#!/usr/bin/env bash
# Compares gates for documents found only by meaning (docs/search.md, "Queries nothing answers"):
# StackFAQ and its FAQ-shaped variant split into a tuning half (threads of even id) and a held-out
# half, plus the no-answer queries (portal/src/test/resources/search/no-answer-queries.txt), through
# the portal's real index and query code. Prints the similarity distributions and, per gate,
# nDCG@10 and the share of no-answer queries that show anything.
#
# Usage: ./scripts/eval-search-threshold.sh
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
answerloop_run_test_main com.answerloop.search.SemanticThresholdStudy "$@"

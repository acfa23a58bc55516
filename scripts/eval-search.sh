#!/usr/bin/env bash
# Measures search relevance on the StackFAQ set (testdata/stackfaq/stackExchange-FAQ.xml):
# every thread becomes an article in a throwaway index built by the portal's real indexing and
# query code; every paraphrase is a query. Prints nDCG@10, MRR@10 and Recall@1/5/10.
#
# Usage: ./scripts/eval-search.sh [path/to/stackExchange-FAQ.xml]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,6s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

# shellcheck source=scripts/lib/test-main.sh
source scripts/lib/test-main.sh
answerloop_run_test_main com.answerloop.search.StackFaqEvaluation "$@"

#!/usr/bin/env bash
# Passage vectors as floats or quantised to a byte per dimension (docs/search.md, "Vector
# quantisation"): hybrid nDCG@10 on StackFAQ and the FAQ-shaped set, how many of the float index's
# ten nearest documents the quantised index finds, and the vector files' sizes.
#
# Usage: ./scripts/eval-search-quantisation.sh
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
answerloop_run_test_main com.answerloop.search.VectorQuantisationStudy "$@"

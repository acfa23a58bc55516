#!/usr/bin/env bash
# Measures search relevance on the StackFAQ set (../shared/eval/stackfaq/stackExchange-FAQ.xml):
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

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk

./mvnw -B -q -pl portal -am test-compile -Dspotless.check.skip=true >&2
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q -pl portal dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >&2

exec java --enable-native-access=ALL-UNNAMED \
  -cp "portal/target/test-classes:portal/target/classes:$(cat "$classpath_file")" \
  -Djava.util.logging.config.file=/dev/null \
  com.answerloop.search.StackFaqEvaluation "$@"

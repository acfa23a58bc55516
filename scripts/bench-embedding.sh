#!/usr/bin/env bash
# Sentence-model benchmark (issue 15, section 6). Not part of the test suite.
# Embeds generated questions (3-8 words) and passages (140-160 words) with the jar's own ONNX Runtime session and with
# the portal's (OnnxSentenceModel: no spinning threads, one thread per query, every core per passage), and prints for
# each: embeddings per second, p50/p99 latency and the process's CPU time per embedding. Queries run on 1 thread and
# on one per core (the portal's search threads), passages on one thread (a rebuild). Prints RESULT lines (also in
# portal/target/bench/embedding.txt).
#
# Usage: ./scripts/bench-embedding.sh [seconds-per-run=10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case ${1:-} in
  -h | --help)
    sed -n '2,9s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk

mkdir -p portal/target/bench
./mvnw -B -o -q -pl portal test -Dtest=EmbeddingThreadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dbench.embedding=true -Dbench.seconds="${1:-10}" \
  | grep --line-buffered '^RESULT' | tee portal/target/bench/embedding.txt

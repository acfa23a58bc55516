#!/usr/bin/env bash
# Runs a main class from the portal's test code (the search evaluations and studies) on the test
# classpath, after compiling it. Source this file, then: answerloop_run_test_main <class> [args...]

answerloop_run_test_main() {
  local main_class=$1
  shift
  # shellcheck source=scripts/lib/java.sh
  source scripts/lib/java.sh
  answerloop_use_jdk

  ./mvnw -B -q -pl portal -am test-compile -Dspotless.check.skip=true >&2
  local classpath_file
  classpath_file=$(mktemp)
  ./mvnw -B -q -pl portal dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file" >&2
  local classpath
  classpath=$(cat "$classpath_file")
  rm -f "$classpath_file"

  exec java --enable-native-access=ALL-UNNAMED \
    -cp "portal/target/test-classes:portal/target/classes:$classpath" \
    -Djava.util.logging.config.file=/dev/null \
    "$main_class" "$@"
}

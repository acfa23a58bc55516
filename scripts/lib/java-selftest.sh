#!/usr/bin/env bash
# Checks the JDK selection of scripts/lib/java.sh against fake JDK folders (no real JVM runs).
# Prints one line per case and "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fake_jdk DIR VERSION [release]: a bin/java printing VERSION like `java -version` does;
# with "release", a release file carries the version and bin/java lies (must not be run).
fake_jdk() {
  mkdir -p "$1/bin"
  if [[ ${3:-} == release ]]; then
    printf 'JAVA_VERSION="%s"\n' "$2" >"$1/release"
    printf '#!/bin/sh\necho "openjdk version \\"11.0.1\\"" >&2\n' >"$1/bin/java"
  else
    printf '#!/bin/sh\necho "openjdk version \\"%s\\" 2024-01-16" >&2\n' "$2" >"$1/bin/java"
  fi
  chmod +x "$1/bin/java"
}

fake_jdk "$tmp/jvm/java-1.8.0-openjdk" 1.8.0_402
fake_jdk "$tmp/jvm/java-17-openjdk-amd64" 17.0.15
fake_jdk "$tmp/jvm/java-21-openjdk-amd64" 21.0.5
fake_jdk "$tmp/jvm/temurin-25-jdk-amd64" 25.0.1 release
fake_jdk "$tmp/ea/jdk-22-ea" 22-ea
fake_jdk "$tmp/ea/java-17" 17.0.2
fake_jdk "$tmp/old/java-17" 17.0.2
fake_jdk "$tmp/path17" 17.0.9
fake_jdk "$tmp/path21" 21.0.2
mkdir -p "$tmp/empty"
# A PATH with only the tools java.sh needs, so the machine's own `java` plays no part.
mkdir -p "$tmp/tools"
for tool in bash sed head readlink; do
  ln -s "$(command -v "$tool")" "$tmp/tools/$tool"
done

passed=0 failed=0
# check NAME EXPECTED JAVA_HOME JVM_DIRS [PATH_JDK]: EXPECTED is a JDK folder or "fail";
# PATH_JDK is a fake JDK whose bin/ is on PATH.
check() {
  local name=$1 expected=$2 java_home=$3 dirs=$4 path=$tmp/tools actual
  [[ -n ${5:-} ]] && path="$5/bin:$path"
  # shellcheck disable=SC2016 # $1 expands in the inner shell
  if actual=$(env -u JAVA_HOME ${java_home:+JAVA_HOME="$java_home"} ANSWERLOOP_JVM_DIRS="$dirs" PATH="$path" \
    "$tmp/tools/bash" -c 'set -euo pipefail; source "$1"; answerloop_find_jdk' _ "$here/java.sh" 2>/dev/null); then :; else actual=fail; fi
  if [[ $actual == "$expected" ]]; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name: expected $expected, got $actual"
  fi
}

check "newest 21+ under the JVM folder" "$tmp/jvm/temurin-25-jdk-amd64" "" "$tmp/jvm"
check "JAVA_HOME 21 is honoured" "$tmp/jvm/java-21-openjdk-amd64" "$tmp/jvm/java-21-openjdk-amd64" "$tmp/jvm"
check "JAVA_HOME 17 is ignored" "$tmp/jvm/temurin-25-jdk-amd64" "$tmp/jvm/java-17-openjdk-amd64" "$tmp/jvm"
check "JAVA_HOME missing is ignored" "$tmp/jvm/temurin-25-jdk-amd64" "$tmp/nowhere" "$tmp/jvm"
check "early-access version parsed" "$tmp/ea/jdk-22-ea" "" "$tmp/ea"
check "Java 8 and 17 only: clear failure" fail "$tmp/old/java-17" "$tmp/old" "$tmp/path17"
check "no JDK folder: PATH java 21 is used" "$tmp/path21" "" "$tmp/empty" "$tmp/path21"
check "JDK folder preferred over PATH java" "$tmp/jvm/temurin-25-jdk-amd64" "" "$tmp/jvm" "$tmp/path21"

echo "$passed passed, $failed failed"
((failed == 0))

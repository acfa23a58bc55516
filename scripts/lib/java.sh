# shellcheck shell=bash
# Picks a JDK 21 or newer for the Answerloop scripts and exports JAVA_HOME and PATH.
#
# Sourced (not executed) by scripts/run.sh and scripts/test.sh. Many machines keep an older
# default `java` (17 on Debian 12) while a newer JDK sits next to it under /usr/lib/jvm, so
# the default `java` on PATH is the last thing we trust. Order of preference:
#   1. JAVA_HOME, when it points at Java 21 or newer;
#   2. the newest Java 21+ found under /usr/lib/jvm (or ANSWERLOOP_JVM_DIRS, a space-separated
#      list of folders holding JDKs, used by tests of this file and exotic installs);
#   3. the `java` on PATH, when it is 21 or newer.
# Works under `set -euo pipefail`.

ANSWERLOOP_MIN_JAVA=21

# Prints the major version (8, 17, 21, 25...) of the JDK/JRE whose home is $1, or nothing.
answerloop_java_major() {
  local home=$1 version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    # JAVA_VERSION="25.0.1" / "21" / "1.8.0_402": cheap, no JVM start needed.
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)
  fi
  if [[ -z "$version" ]]; then
    # `java -version` prints e.g.: openjdk version "21.0.5" 2024-10-15 (on stderr).
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1) || true
  fi
  [[ -n "$version" ]] || return 0
  if [[ $version == 1.* ]]; then
    version=${version#1.}
  fi
  version=${version%%[!0-9]*}
  [[ -n "$version" ]] && printf '%s\n' "$version"
  return 0
}

# Prints the home of the JDK to use, or fails with a message naming what is needed.
answerloop_find_jdk() {
  local major candidate best="" best_major=0 dir

  if [[ -n "${JAVA_HOME:-}" ]]; then
    major=$(answerloop_java_major "$JAVA_HOME")
    if [[ -n "$major" && $major -ge $ANSWERLOOP_MIN_JAVA ]]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
    echo "note: ignoring JAVA_HOME=$JAVA_HOME (Java ${major:-unknown}); looking for Java $ANSWERLOOP_MIN_JAVA+" >&2
  fi

  for dir in ${ANSWERLOOP_JVM_DIRS:-/usr/lib/jvm /Library/Java/JavaVirtualMachines}; do
    [[ -d "$dir" ]] || continue
    for candidate in "$dir"/*/ "$dir"/*/Contents/Home/; do
      candidate=${candidate%/}
      [[ -x "$candidate/bin/java" ]] || continue
      major=$(answerloop_java_major "$candidate")
      [[ -n "$major" ]] || continue
      if ((major >= ANSWERLOOP_MIN_JAVA && major > best_major)); then
        best=$candidate
        best_major=$major
      fi
    done
  done
  if [[ -n "$best" ]]; then
    printf '%s\n' "$best"
    return 0
  fi

  local path_java
  if path_java=$(command -v java 2>/dev/null); then
    path_java=$(readlink -f "$path_java")
    candidate=${path_java%/bin/java}
    major=$(answerloop_java_major "$candidate")
    if [[ -n "$major" && $major -ge $ANSWERLOOP_MIN_JAVA ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  fi

  {
    echo "error: Answerloop needs JDK $ANSWERLOOP_MIN_JAVA or newer, and none was found."
    echo "  Looked at: JAVA_HOME (${JAVA_HOME:-unset}), ${ANSWERLOOP_JVM_DIRS:-/usr/lib/jvm}/*, and 'java' on PATH ($(command -v java || echo none))."
    echo "  Install e.g. openjdk-21-jdk (apt-get install openjdk-21-jdk) or Temurin 21 under /usr/lib/jvm,"
    echo "  or set JAVA_HOME to a JDK 21+ installation."
  } >&2
  return 1
}

# Exports JAVA_HOME and puts its bin/ first on PATH.
answerloop_use_jdk() {
  local home
  home=$(answerloop_find_jdk) || return 1
  export JAVA_HOME=$home
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "Using Java $(answerloop_java_major "$JAVA_HOME") from $JAVA_HOME" >&2
}

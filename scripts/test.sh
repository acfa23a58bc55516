#!/usr/bin/env bash
# Runs the whole Answerloop test suite: unit and slice tests (*Tests, Surefire) and
# integration tests (*IT, Failsafe: real server, headless Chromium, MariaDB/MySQL when reachable).
#
# Usage: ./scripts/test.sh [maven arguments...]
#   e.g. ./scripts/test.sh -Dtest=MarkdownRendererTests -Dsurefire.failIfNoSpecifiedTests=false
# Environment:
#   ANSWERLOOP_TEST_MYSQL=required   fail (instead of skip) the MySQL-backed tests when the
#                                    MariaDB/MySQL on 127.0.0.1:3306 is not reachable (.ci/run sets it)
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

# The browser tests drive Debian's chromium + chromium-driver; install them when missing.
ensure_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  echo "Installing chromium and chromium-driver for the browser tests..." >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the browser tests need chromium and chromedriver at /usr/bin/chromium and /usr/bin/chromedriver;" >&2
    echo "  this machine has no apt-get: install them with your package manager." >&2
    return 1
  fi
  local -a sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "error: installing chromium needs root; run as root or install sudo (or: apt-get install chromium chromium-driver)" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  # Lock timeout: wait for another apt/dpkg run instead of failing at once.
  "${sudo[@]+"${sudo[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  "${sudo[@]+"${sudo[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium chromium-driver >/dev/null
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    echo "error: chromium/chromium-driver installed but /usr/bin/chromium or /usr/bin/chromedriver is missing" >&2
    return 1
  fi
}
ensure_chromium

# The cluster test (ClusterIT) puts Debian's HAProxy in front of two portal nodes; install it when missing.
ensure_haproxy() {
  if command -v haproxy >/dev/null 2>&1 || [[ -x /usr/sbin/haproxy ]]; then
    return 0
  fi
  echo "Installing haproxy for the cluster test..." >&2
  local -a sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "error: installing haproxy needs root; run as root or install sudo (or: apt-get install haproxy)" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]+"${sudo[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  "${sudo[@]+"${sudo[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq haproxy >/dev/null
}
ensure_haproxy

# The MariaDB-backed tests run several portals at once (the cluster and crash tests' nodes, the test contexts), each
# with a pool of up to 30 connections, and Spring keeps each test context (and its pool) for later test classes: about
# 16 such contexts and a crash test's portal went past 400 ("Too many connections"). Raise the limit for this server's
# lifetime when it is lower and we may (root over the local socket); otherwise the tests run against what it allows.
ensure_mariadb_connections() {
  local wanted=1000 current
  command -v mariadb >/dev/null 2>&1 || return 0
  current=$(mariadb -uroot -h127.0.0.1 -N -e "SELECT @@GLOBAL.max_connections" 2>/dev/null) || return 0
  if [[ $current =~ ^[0-9]+$ ]] && ((current < wanted)); then
    mariadb -uroot -h127.0.0.1 -e "SET GLOBAL max_connections = $wanted" 2>/dev/null &&
      echo "MariaDB max_connections raised from $current to $wanted for the test run." >&2 || true
  fi
}
ensure_mariadb_connections

exec ./mvnw -B --no-transfer-progress verify "$@"

# shellcheck shell=bash
# answerloop_ensure_wrk: installs wrk (HTTP load generator) from Debian's packages when it is missing.
answerloop_ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  echo "Installing wrk..." >&2
  local -a sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  local -a apt=("${sudo[@]+"${sudo[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  "${apt[@]}" install -y -qq wrk >/dev/null || { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq wrk >/dev/null; }
  command -v wrk >/dev/null 2>&1 || { echo "error: could not install wrk (apt-get install wrk)" >&2; return 1; }
}

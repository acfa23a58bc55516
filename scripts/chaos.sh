#!/usr/bin/env bash
# Runs the crash and fault scenarios of issue 16 against the packaged portal and prints what survived:
#   scenario | acknowledged writes | lost | recovered | time to recover
# Each scenario is an IT under portal/src/test/java/com/answerloop/reliability/ that starts the jar as its own
# process on a free port and a temp data directory, then kills it (kill -9), damages its index or fills its disk.
# The MariaDB scenario uses the server of the mysql-profile tests (ANSWERLOOP_TEST_MYSQL_*); the disk-full one
# mounts a 20 MB tmpfs and needs root (skipped otherwise); the outage one runs a private mariadbd on its own port
# and data directory and freezes it (SIGSTOP) or kills and restarts it, never the shared server; the hot-thread one
# sends 50 writes to one thread at once (MariaDB); the notification one kills the portal right after answers and
# counts the asker's notifications and mails after the restart; the mid-send one relays the portal's SMTP conversation,
# holds back the mail server's reply to the end of an answer mail and kills the portal then, and checks that the copies
# the mail server got share one Message-ID. A scenario that loses an acknowledged write, or answers a write
# with an error, fails.
#
# Usage: ./scripts/chaos.sh [extra maven arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk

# MariaDB killed and restarted while writers post (ReadOnlyModeIT): read-only mode, refused writes, recovery.
database_killed_scenarios() {
  echo 'ReadOnlyModeIT'
}

scenarios="CrashRecoveryIT,CrashRecoveryMariaDbIT,CrashNotificationIT,CrashMidSendIT,ImportCrashIT,DamagedIndexIT,DiskFullIT,DatabaseOutageIT,HotThreadIT,$(database_killed_scenarios)"
log=$(mktemp -t answerloop-chaos.XXXXXX.log)
status=0
./mvnw -B -pl portal verify -Dtest=NONE -Dit.test="$scenarios" -Djacoco.skip=true \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@" >"$log" 2>&1 || status=$?

printf '| %-40s | %s | %s | %s | %s |\n' scenario "acknowledged" lost recovered "time to recover"
printf '| %-40s | %s | %s | %s | %s |\n' "$(printf '%.0s-' {1..40})" "---" "---" "---" "---"
grep -h '^CHAOS |' "$log" | sed 's/^CHAOS //' || true
grep -E 'Tests run:.*Fail' "$log" | tail -1 || true
if [[ $status -ne 0 ]]; then
  echo "chaos: a scenario failed; the full log is $log" >&2
fi
exit "$status"

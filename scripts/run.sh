#!/usr/bin/env bash
# Builds and starts the Answerloop portal on http://localhost:8080 (SERVER_PORT to change).
#
# Defaults need no setup: H2 database and Lucene index under ./data, help center content
# imported from ./kb-content on start. Configuration: docs/configuration.md.
#
# Usage: ./scripts/run.sh [--import-only] [--spring.property=value ...]
#   --import-only   import kb-content/ into the database and index, print the summary, exit
#   anything else   passed to the application (Spring Boot command-line properties)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
app_args=()
import_only=false
port=${SERVER_PORT:-8080}
for arg in "$@"; do
  case $arg in
    --import-only)
      import_only=true
      # A random port: the web server is not needed and must not clash with a running portal.
      app_args+=("--answerloop.content.import-only=true" "--server.port=0")
      ;;
    --server.port=*)
      port=${arg#--server.port=}
      app_args+=("$arg")
      ;;
    -h | --help)
      sed -n '2,10s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *)
      app_args+=("$arg")
      ;;
  esac
done

# shellcheck source=scripts/lib/java.sh
source scripts/lib/java.sh
answerloop_use_jdk

# Always package: Maven's incremental build makes this quick when nothing changed, and it
# never starts a stale jar. Tests are not compiled here; ./scripts/test.sh runs them.
echo "Building the portal (the first run downloads dependencies and takes a few minutes)..." >&2
./mvnw -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true package

jar=portal/target/answerloop-portal.jar
if [[ ! -f $jar ]]; then
  echo "error: build finished but $jar is missing" >&2
  exit 1
fi

# Run from a copy the portal owns: ./scripts/test.sh rebuilds portal/target/answerloop-portal.jar, and a jar
# rewritten under a running JVM breaks its class loading (NoClassDefFoundError on the next lazily loaded class).
run_dir=${ANSWERLOOP_DATA_DIR:-./data}/run
mkdir -p "$run_dir"
running_jar=$(mktemp "$run_dir/answerloop-portal.XXXXXX.jar")
cp "$jar" "$running_jar"
# Copies of earlier runs are removed once no process holds them open (kept when fuser cannot tell).
for old in "$run_dir"/answerloop-portal.*.jar; do
  [[ $old == "$running_jar" ]] && continue
  if command -v fuser >/dev/null 2>&1 && ! fuser -s "$old" 2>/dev/null; then rm -f "$old"; fi
done
jar=$running_jar

if [[ $import_only == true ]]; then
  echo "Importing ${ANSWERLOOP_CONTENT_DIR:-./kb-content} into ${ANSWERLOOP_DATA_DIR:-./data}, then exiting." >&2
else
  echo "Starting Answerloop on http://localhost:${port}  (data: ${ANSWERLOOP_DATA_DIR:-./data}, content: ${ANSWERLOOP_CONTENT_DIR:-./kb-content}; Ctrl+C stops it)" >&2
fi
# Run from the repository root so the relative defaults ./data and ./kb-content resolve here.
# JAVA_OPTS (unquoted on purpose: several options) e.g. JAVA_OPTS="-Xmx1g".
# shellcheck disable=SC2086
# Lucene decodes postings with the JDK's vector API when the incubator module is added (about 7 % faster searches).
exec java --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -jar "$jar" ${app_args[@]+"${app_args[@]}"}

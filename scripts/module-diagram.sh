#!/usr/bin/env bash
# Regenerates the module diagrams in docs/modules/ from the code: ModularityTests writes PlantUML
# (Spring Modulith's Documenter), PlantUML renders it with its built-in layout (no Graphviz needed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/java.sh
answerloop_use_jdk
plantuml_version=1.2026.9
# The test fails while docs/modules/ is out of date, which is why this runs: it has written the new files by then.
./mvnw -B -q test -Dtest=ModularityTests -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dmaven.test.failure.ignore=true -Djacoco.skip=true
./mvnw -B -q dependency:copy -Dartifact="net.sourceforge.plantuml:plantuml-mit:${plantuml_version}" \
  -DoutputDirectory=portal/target/plantuml
mkdir -p docs/modules
cp portal/target/spring-modulith-docs/*.puml docs/modules/
"$JAVA_HOME/bin/java" -jar "portal/target/plantuml/plantuml-mit-${plantuml_version}.jar" \
  -Playout=smetana -tpng docs/modules/components.puml
echo "Wrote docs/modules/components.png"

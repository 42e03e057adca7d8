#!/usr/bin/env bash
# Runs UnawaitedFuture and NonYieldingLoopInEventLoop over the sources of vertx-core 4.5.11 (a real
# event-loop code base, ~600 files) to watch for crashes ("could not analyse") and for noise.
# Not part of the build. Needs: `mvn -B -q install -pl checks/core,checks/errorprone -DskipTests`
# or a prior `mvn verify` of those modules (it uses their target/classes), and a JDK 21+ javac.
# Usage: checks/errorprone/smoke/vertx-core.sh [work-dir]     (prints counts; full log in work-dir)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)          # .../checks
work=${1:-$(mktemp -d)}
javac=${JAVAC:-$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/javac}
mkdir -p "$work/src" "$work/out" "$work/deps"

mvn -B -q -f "$here/errorprone/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
for artifact in io.vertx:vertx-core:4.5.11:jar:sources io.vertx:vertx-codegen:4.5.11 \
    com.fasterxml.jackson.core:jackson-databind:2.16.1 com.fasterxml.jackson.core:jackson-annotations:2.16.1 \
    org.slf4j:slf4j-api:2.0.13 org.apache.logging.log4j:log4j-api:2.22.0; do
  mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/deps" >/dev/null
done
(cd "$work/src" && unzip -q -o "$work"/deps/vertx-core-4.5.11-sources.jar)
find "$work/src" -name '*.java' -not -path '*/examples/*' -not -path '*/docgen/*' > "$work/files.txt"

cp="$(ls "$work"/deps/*.jar | grep -v sources | paste -sd:):$(cat "$work/cp.txt")"
pp="$here/errorprone/target/classes:$here/core/target/classes:$(cat "$work/cp.txt")"
opens=()
for p in api file main model parser processing tree util; do opens+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED"); done
opens+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")

# The checks run at ERROR so that javac's -nowarn (which hides the framework's own warnings) does
# not hide them; the compile "fails" with our findings only.
"$javac" "${opens[@]}" -J-Xmx1g -XDcompilePolicy=simple --should-stop=ifError=FLOW -proc:none -nowarn \
  -Xmaxerrs 100000 -processorpath "$pp" \
  "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnawaitedFuture:ERROR -Xep:NonYieldingLoopInEventLoop:ERROR" \
  -cp "$cp" -d "$work/out" @"$work/files.txt" > "$work/smoke.log" 2>&1 || true

echo "files:                      $(wc -l < "$work/files.txt")"
echo "UnawaitedFuture:            $(grep -c '\[UnawaitedFuture\]' "$work/smoke.log" || true)"
echo "NonYieldingLoopInEventLoop: $(grep -c '\[NonYieldingLoopInEventLoop\]' "$work/smoke.log" || true)"
echo "internal errors:            $(grep -c 'could not analyse' "$work/smoke.log" || true)"
echo "other compile errors:       $(grep 'error:' "$work/smoke.log" | grep -vc '\[UnawaitedFuture\]\|\[NonYieldingLoopInEventLoop\]' || true)"
echo "log:                        $work/smoke.log"

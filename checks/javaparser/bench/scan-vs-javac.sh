#!/usr/bin/env bash
# Times the source scanner against javac + Error Prone (async-lint's rules only) on the same
# files: the Vert.x core 4.5.11 sources jar, with its compile classpath. Both are measured in the
# same run, on the same JDK, one after the other, RUNS times each (best run counts).
#
# Needs: mvn (Maven Central reachable, or a warm ~/.m2), a JDK 21+ for javac + Error Prone, and
# this checkout built: mvn -B package -pl checks/errorprone,checks/javaparser -am -DskipTests.
# Error Prone's own jars come from ~/.m2; async-lint's checks come from this checkout's target/
# folders, so both engines measured are the ones in this working tree.
#
#   checks/javaparser/bench/scan-vs-javac.sh            # from the repository root
#   RUNS=3 THREADS=2 JDK=/path/to/jdk checks/javaparser/bench/scan-vs-javac.sh
#   JVM_FLAGS=-XX:TieredStopAtLevel=1 checks/javaparser/bench/scan-vs-javac.sh   # same flags for both JVMs
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
RUNS="${RUNS:-2}"
THREADS="${THREADS:-$(nproc)}"
VERTX="${VERTX:-4.5.11}"
EP_VERSION="${EP_VERSION:-2.50.0}"
ASYNC_LINT_VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
WORK="${WORK:-$ROOT/checks/javaparser/target/bench}"
JVM_FLAGS="${JVM_FLAGS:-}"
JAVAC_JVM_FLAGS=()
for flag in $JVM_FLAGS; do JAVAC_JVM_FLAGS+=("-J$flag"); done
CLI="$ROOT/checks/javaparser/target/async-lint-javaparser-$ASYNC_LINT_VERSION-cli.jar"
M2="${M2:-$HOME/.m2/repository}"
MVN="mvn -B -q -Dstyle.color=never"

[ -x "$JDK/bin/javac" ] || { echo "no javac at $JDK (set JDK=...)" >&2; exit 2; }
CHECKS="$ROOT/checks/core/target/async-lint-core-$ASYNC_LINT_VERSION.jar:$ROOT/checks/errorprone/target/async-lint-errorprone-$ASYNC_LINT_VERSION.jar"
for jar in "$CLI" ${CHECKS//:/ }; do
  [ -f "$jar" ] || { echo "missing $jar: mvn -B package -pl checks/errorprone,checks/javaparser -am -DskipTests" >&2; exit 2; }
done
mkdir -p "$WORK"

echo "== fetching io.vertx:vertx-core:$VERTX sources, jar and pom" >&2
for kind in jar:sources jar pom; do
  $MVN dependency:get -Dartifact="io.vertx:vertx-core:$VERTX:$kind" -Dtransitive=false >&2
done
VX="$M2/io/vertx/vertx-core/$VERTX"
rm -rf "$WORK/src" && mkdir -p "$WORK/src"
(cd "$WORK/src" && "$JDK/bin/jar" xf "$VX/vertx-core-$VERTX-sources.jar")
find "$WORK/src" -name '*.java' | sort > "$WORK/files.txt"

echo "== vertx-core's compile classpath (its optional dependencies included)" >&2
mkdir -p "$WORK/vertx-pom" && cp "$VX/vertx-core-$VERTX.pom" "$WORK/vertx-pom/pom.xml"
(cd "$WORK/vertx-pom" && $MVN dependency:build-classpath -DincludeScope=compile \
  -Dmdep.outputFile="$WORK/vertx.classpath" >&2)
# The sources jar lacks the code vertx-codegen generates at build time (the *OptionsConverter
# classes); the binary jar supplies them, to javac and to the scanner alike.
CP="$(cat "$WORK/vertx.classpath"):$VX/vertx-core-$VERTX.jar"

echo "== Error Prone $EP_VERSION processor path, plus this checkout's async-lint checks" >&2
mkdir -p "$WORK/ep-pom"
cat > "$WORK/ep-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>ep-path</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>com.google.errorprone</groupId><artifactId>error_prone_core</artifactId><version>$EP_VERSION</version></dependency>
  </dependencies>
</project>
POM
(cd "$WORK/ep-pom" && $MVN dependency:build-classpath -Dmdep.outputFile="$WORK/ep.classpath" >&2)

EXPORTS=()
for p in api file main model parser processing tree util; do
  EXPORTS+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
for p in code comp; do
  EXPORTS+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
RULES="-Xep:SleepInEventLoop:WARN -Xep:BlockingIoInEventLoop:WARN -Xep:BlockingWaitInEventLoop:WARN"
RULES="$RULES -Xep:NonYieldingLoopInEventLoop:WARN -Xep:UnawaitedFuture:WARN -Xep:UnsubscribedPublisher:WARN"
JAVAC=("$JDK/bin/javac" "${EXPORTS[@]}" ${JAVAC_JVM_FLAGS[@]+"${JAVAC_JVM_FLAGS[@]}"} -XDcompilePolicy=simple --should-stop=ifError=FLOW
  -processorpath "$(cat "$WORK/ep.classpath"):$CHECKS"
  "-Xplugin:ErrorProne -XepDisableAllChecks $RULES"
  -proc:none -Xmaxwarns 100000 -encoding UTF-8 -cp "$CP" -d "$WORK/classes")
SCAN=("$JDK/bin/java" $JVM_FLAGS -jar "$CLI" --quiet --threads "$THREADS" --classpath "$CP" "$WORK/src")

# Wall-clock seconds decide; CPU seconds (user + sys) are printed too, because on a shared
# machine the wall clock also measures the neighbours.
timed() { /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S" "$@"; }
best_javac=""; best_scan=""; cpu_javac=""; cpu_scan=""
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
  timed "${JAVAC[@]}" @"$WORK/files.txt" > "$WORK/javac.out" 2>&1 || { echo "javac failed, see $WORK/javac.out" >&2; tail -20 "$WORK/javac.out" >&2; exit 1; }
  read -r j ju js < <(tail -1 "$WORK/time.txt")
  set +e; timed "${SCAN[@]}" > "$WORK/scan.out" 2>&1; rc=$?; set -e
  [ "$rc" -le 1 ] || { echo "scanner failed ($rc), see $WORK/scan.out" >&2; exit 1; }
  read -r s su ss < <(tail -1 "$WORK/time.txt")
  echo "run $run: javac + Error Prone ${j}s (cpu $(echo "$ju + $js" | bc)s), scanner ${s}s (cpu $(echo "$su + $ss" | bc)s)" >&2
  if [ -z "$best_javac" ] || (( $(echo "$j < $best_javac" | bc) )); then best_javac=$j; cpu_javac=$(echo "$ju + $js" | bc); fi
  if [ -z "$best_scan" ] || (( $(echo "$s < $best_scan" | bc) )); then best_scan=$s; cpu_scan=$(echo "$su + $ss" | bc); fi
done

# The same finding = same file, line, rule and message (severity aside: the bench runs the
# Error Prone rules at WARN so javac finishes).
findings() {
  grep -E '^/.*\.java:[0-9]+: (warning|error): \[(SleepInEventLoop|BlockingIoInEventLoop|BlockingWaitInEventLoop|NonYieldingLoopInEventLoop|UnawaitedFuture|UnsubscribedPublisher)\]' "$1" \
    | sed -E "s#^$WORK/src/##; s#: (warning|error): #: #" | sort -u
}
findings "$WORK/javac.out" > "$WORK/errorprone.findings"
findings "$WORK/scan.out" > "$WORK/scanner.findings"
ep_findings=$(wc -l < "$WORK/errorprone.findings")
scan_findings=$(wc -l < "$WORK/scanner.findings")
same=$(comm -12 "$WORK/errorprone.findings" "$WORK/scanner.findings" | wc -l)
lines=$(cat $(cat "$WORK/files.txt") | wc -l)
ratio=$(LC_ALL=C printf '%.2f' "$(echo "scale=4; $best_scan / $best_javac" | bc)") # rounded, not truncated
cat <<REPORT
files: $(wc -l < "$WORK/files.txt") ($lines lines), cores: $(nproc), JDK: $("$JDK/bin/java" -version 2>&1 | head -1), JVM flags: ${JVM_FLAGS:-none}
javac + Error Prone (async-lint rules only): ${best_javac} s wall, ${cpu_javac} s cpu, $ep_findings findings
scanner (--threads $THREADS): ${best_scan} s wall, ${cpu_scan} s cpu, $scan_findings findings; $(grep '^async-lint: ' "$WORK/scan.out" | tail -1)
identical findings (file, line, rule, message): $same
scanner / javac+EP wall time: $ratio (best of $RUNS runs each)
REPORT

#!/usr/bin/env bash
# Real-world accuracy harness: runs both engines over published reactive codebases.
#
# For each codebase it fetches the sources jar, the binary jar and the pom from Maven Central,
# resolves the pom's compile classpath (optional and provided dependencies included), then runs
#   plain    javac (the baseline for the timing ratio)
#   ep       javac -Xplugin:ErrorProne with only async-lint's six rules on (at WARN)
#   scanner  the source scanner CLI over the same files, same classpath
# and writes under checks/bench/target/real-world/<codebase>/:
#   errorprone.findings, scanner.findings   one line per finding: path:line: [Rule] message
#   sample.findings                          the Error Prone findings to triage (all, or 100 drawn
#                                            with a fixed seed when there are more)
#   excluded.txt                             source files left out because they do not compile
#                                            from the sources jar alone (see below)
#   summary.txt                              files, lines, findings by rule, wall and CPU seconds
# and a table of all codebases to checks/bench/target/real-world/summary.md.
#
# Sources jars lack generated code (Vert.x codegen converters, ...). The binary jar is put on the
# classpath, so generated classes resolve from it. A file that still fails to compile is left out
# (javac is rerun without it, up to 5 rounds) and listed in excluded.txt: findings come only from
# what compiles, for both engines alike.
#
# Usage: checks/bench/real-world.sh [codebase...]      (from anywhere; default: all)
#   codebases: vertx-core vertx-web-client reactor-netty-http lettuce-core r2dbc-postgresql spring-webflux
#   JDK=/path/to/jdk21+  (default Temurin 25)   SEED=9 (triage sample)   SKIP_PLAIN=1 (no baseline)
#   ENGINES=/other/checkout (run that checkout's built engines)   OUTROOT=/where/to/write
# Needs: Maven with Maven Central, and this checkout built:
#   mvn -B package -pl checks/core,checks/errorprone,checks/javaparser -am -DskipTests
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
EP_VERSION="${EP_VERSION:-2.50.0}"
SEED="${SEED:-9}"
THREADS="${THREADS:-$(nproc)}"
OUTROOT="${OUTROOT:-$ROOT/checks/bench/target/real-world}"
M2="${M2:-$HOME/.m2/repository}"
MVN="mvn -B -q -Dstyle.color=never"
# ENGINES: the checkout whose built engines run (default this one; accuracy.sh points it at the
# base commit's build for the "before" column).
ENGINES="${ENGINES:-$ROOT}"
V="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ENGINES/pom.xml" | head -1)"
CLI="$ENGINES/checks/javaparser/target/async-lint-javaparser-$V-cli.jar"
CHECKS="$ENGINES/checks/core/target/async-lint-core-$V.jar:$ENGINES/checks/errorprone/target/async-lint-errorprone-$V.jar"
RULES=(SleepInEventLoop BlockingIoInEventLoop BlockingWaitInEventLoop NonYieldingLoopInEventLoop UnawaitedFuture UnsubscribedPublisher)
ALL=(vertx-core vertx-web-client reactor-netty-http lettuce-core r2dbc-postgresql spring-webflux)

coordinates() { # codebase -> "group artifact version release"
  case "$1" in
    vertx-core) echo "io.vertx vertx-core 4.5.11 11" ;;
    vertx-web-client) echo "io.vertx vertx-web-client 4.5.11 11" ;;
    reactor-netty-http) echo "io.projectreactor.netty reactor-netty-http 1.1.25 17" ;;
    lettuce-core) echo "io.lettuce lettuce-core 6.5.1.RELEASE 17" ;;
    r2dbc-postgresql) echo "org.postgresql r2dbc-postgresql 1.0.7.RELEASE 17" ;;
    spring-webflux) echo "org.springframework spring-webflux 6.1.14 17" ;;
    *) echo "unknown codebase '$1' (known: ${ALL[*]})" >&2; return 2 ;;
  esac
}

[ -x "$JDK/bin/javac" ] || { echo "no javac at $JDK (set JDK=...)" >&2; exit 2; }
for jar in "$CLI" ${CHECKS//:/ }; do
  [ -f "$jar" ] || { echo "missing $jar: mvn -B package -pl checks/core,checks/errorprone,checks/javaparser -am -DskipTests" >&2; exit 2; }
done
mkdir -p "$OUTROOT"

if [ ! -s "$OUTROOT/ep.classpath" ]; then
  mkdir -p "$OUTROOT/ep-pom"
  cat > "$OUTROOT/ep-pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>ep-path</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>com.google.errorprone</groupId><artifactId>error_prone_core</artifactId><version>$EP_VERSION</version></dependency>
  </dependencies>
</project>
POM
  (cd "$OUTROOT/ep-pom" && $MVN dependency:build-classpath -Dmdep.outputFile="$OUTROOT/ep.classpath" >&2)
fi

EXPORTS=()
for p in api file main model parser processing tree util; do
  EXPORTS+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
for p in code comp; do
  EXPORTS+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
XEP="-Xplugin:ErrorProne -XepDisableAllChecks"
for rule in "${RULES[@]}"; do XEP="$XEP -Xep:$rule:WARN"; done

timed() { /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S" "$@"; }
# time -o also writes "Command exited with non-zero status N" first: the figures are the last line.
cpu() { tail -1 "$WORK/time.txt" | awk '{ printf "%.1f", $2 + $3 }'; }
wall() { tail -1 "$WORK/time.txt" | awk '{ printf "%.1f", $1 }'; }

# path:line: [Rule] message, paths relative to the sources folder, first line of each diagnostic.
findings() {
  grep -E "^/.*\.java:[0-9]+: (warning|error): \[($(IFS='|'; echo "${RULES[*]}"))\]" "$1" \
    | sed -E "s#^$WORK/src/##; s#: (warning|error): #: #" | sort -u || true
}

run_codebase() {
  local name="$1" group artifact version release
  read -r group artifact version release < <(coordinates "$name")
  WORK="$OUTROOT/$name"
  mkdir -p "$WORK"
  echo "== $name: $group:$artifact:$version" >&2
  local dir="$M2/${group//.//}/$artifact/$version"
  local kind file
  for kind in jar:sources jar pom; do
    case "$kind" in jar:sources) file="$artifact-$version-sources.jar" ;; *) file="$artifact-$version.$kind" ;; esac
    [ -f "$dir/$file" ] || $MVN dependency:get -Dartifact="$group:$artifact:$version:$kind" -Dtransitive=false >&2
  done
  rm -rf "$WORK/src" && mkdir -p "$WORK/src"
  (cd "$WORK/src" && "$JDK/bin/jar" xf "$dir/$artifact-$version-sources.jar")
  if [ ! -s "$WORK/compile.classpath" ]; then
    mkdir -p "$WORK/pom" && cp "$dir/$artifact-$version.pom" "$WORK/pom/pom.xml"
    (cd "$WORK/pom" && $MVN dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile="$WORK/compile.classpath" >&2)
  fi
  local cp
  cp="$(cat "$WORK/compile.classpath"):$dir/$artifact-$version.jar"
  # No -XDsuppressNotes: async-lint reports its own internal failures as notes (severity SUGGESTION).
  local common=(-J-Xmx2g -proc:none -Xmaxwarns 100000 -Xmaxerrs 100000 -Xlint:none
    -encoding UTF-8 --release "$release" -cp "$cp" -d "$WORK/classes")
  local ep=("${EXPORTS[@]}" -XDcompilePolicy=simple --should-stop=ifError=FLOW
    -processorpath "$(cat "$OUTROOT/ep.classpath"):$CHECKS" "$XEP")

  # What compiles: plain javac, dropping files with errors, until a round is clean.
  (cd "$WORK/src" && find . -name '*.java' ! -name 'module-info.java' ! -name 'package-info.java' | sed 's#^\./##' | sort) > "$WORK/all-files.txt"
  : > "$WORK/excluded.txt"
  rm -f "$WORK"/javac-round*.out
  local round
  for round in 1 2 3 4 5 6; do
    sed "s#^#$WORK/src/#" <(comm -23 "$WORK/all-files.txt" <(sort "$WORK/excluded.txt")) > "$WORK/files.txt"
    rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
    if timed "$JDK/bin/javac" "${common[@]}" @"$WORK/files.txt" > "$WORK/javac-plain.out" 2>&1; then
      break
    fi
    cp "$WORK/javac-plain.out" "$WORK/javac-round$round.out" # why files were left out
    [ "$round" -lt 6 ] || { echo "$name: still does not compile after 5 rounds, see $WORK/javac-plain.out" >&2; return 1; }
    grep -oE "^$WORK/src/[^:]+\.java(:[0-9]+: error)" "$WORK/javac-plain.out" | sed -E "s#^$WORK/src/##; s#:[0-9]+: error##" \
      | sort -u >> "$WORK/excluded.txt"
    sort -u -o "$WORK/excluded.txt" "$WORK/excluded.txt"
    echo "   round $round: $(wc -l < "$WORK/excluded.txt") files left out (compile errors)" >&2
  done
  local plain_wall plain_cpu
  plain_wall=$(wall); plain_cpu=$(cpu)
  if [ -z "${SKIP_PLAIN:-}" ]; then # once more now that the file list is final and the cache warm
    rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
    timed "$JDK/bin/javac" "${common[@]}" @"$WORK/files.txt" > "$WORK/javac-plain.out" 2>&1
    plain_wall=$(wall); plain_cpu=$(cpu)
  fi

  rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
  set +e; timed "$JDK/bin/javac" "${common[@]}" "${ep[@]}" @"$WORK/files.txt" > "$WORK/javac-ep.out" 2>&1; local rc=$?; set -e
  if [ "$rc" -ne 0 ] || grep -qE 'An unhandled exception was thrown by the Error Prone|async-lint could not analyse this code|^\s+at (com\.sun|com\.google|dev\.asynclint)' "$WORK/javac-ep.out"; then
    echo "$name: javac + Error Prone failed or crashed (rc $rc), see $WORK/javac-ep.out" >&2
    echo "CRASH" > "$WORK/ep-crash.txt"
  else
    rm -f "$WORK/ep-crash.txt"
  fi
  local ep_wall ep_cpu
  ep_wall=$(wall); ep_cpu=$(cpu)
  findings "$WORK/javac-ep.out" > "$WORK/errorprone.findings"

  # The scanner reads the same files: copy them, so the excluded ones are not scanned.
  rm -rf "$WORK/scan-src" && mkdir -p "$WORK/scan-src"
  sed "s#^$WORK/src/##" "$WORK/files.txt" | tar -C "$WORK/src" -cf - -T - | tar -C "$WORK/scan-src" -xf -
  set +e
  timed "$JDK/bin/java" -jar "$CLI" --quiet --threads "$THREADS" --classpath "$cp" "$WORK/scan-src" > "$WORK/scan.out" 2>&1
  rc=$?; set -e
  if [ "$rc" -gt 1 ] || grep -qE '^(Exception in thread|\s+at dev\.asynclint)|could not analyse' "$WORK/scan.out"; then
    echo "$name: scanner failed or crashed (rc $rc), see $WORK/scan.out" >&2
    echo "CRASH" > "$WORK/scan-crash.txt"
  else
    rm -f "$WORK/scan-crash.txt"
  fi
  local scan_wall scan_cpu
  scan_wall=$(wall); scan_cpu=$(cpu)
  grep -E "^/.*\.java:[0-9]+: (warning|error): \[" "$WORK/scan.out" \
    | sed -E "s#^$WORK/scan-src/##; s#: (warning|error): #: #" | sort -u > "$WORK/scanner.findings" || true

  # The triage sample: everything up to 100, else 100 drawn with a fixed seed.
  awk -v seed="$SEED" 'BEGIN { srand(seed) } { printf "%.12f\t%s\n", rand(), $0 }' "$WORK/errorprone.findings" \
    | sort -n | head -100 | cut -f2- | sort > "$WORK/sample.findings"

  local lines by_rule=""
  lines=$(cat $(cat "$WORK/files.txt") | wc -l)
  for rule in "${RULES[@]}"; do
    by_rule="$by_rule $(grep -c "\[$rule\]" "$WORK/errorprone.findings" || true)"
  done
  {
    echo "codebase: $group:$artifact:$version (--release $release)"
    echo "files: $(wc -l < "$WORK/files.txt") compiled of $(wc -l < "$WORK/all-files.txt"), $(wc -l < "$WORK/excluded.txt") left out; lines: $lines"
    echo "plain javac: ${plain_wall}s wall, ${plain_cpu}s cpu"
    echo "javac + Error Prone (6 rules): ${ep_wall}s wall, ${ep_cpu}s cpu$( [ -f "$WORK/ep-crash.txt" ] && echo ' CRASHED')"
    echo "scanner (--threads $THREADS): ${scan_wall}s wall, ${scan_cpu}s cpu$( [ -f "$WORK/scan-crash.txt" ] && echo ' CRASHED')"
    echo "error prone findings: $(wc -l < "$WORK/errorprone.findings") by rule (${RULES[*]}):$by_rule"
    echo "scanner findings: $(wc -l < "$WORK/scanner.findings"); $(grep '^async-lint: ' "$WORK/scan.out" | tail -1)"
    echo "same in both (file, line, rule, message): $(comm -12 "$WORK/errorprone.findings" "$WORK/scanner.findings" | wc -l)"
    echo "row|$name|$version|$(wc -l < "$WORK/files.txt")|$lines|$(echo $by_rule | tr ' ' '|')|$(wc -l < "$WORK/errorprone.findings")|$(wc -l < "$WORK/scanner.findings")|$plain_cpu|$ep_cpu|$scan_cpu|$plain_wall|$ep_wall|$scan_wall"
  } > "$WORK/summary.txt"
  grep -v '^row|' "$WORK/summary.txt" >&2
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${ALL[@]}")
failed=0
for name in "${targets[@]}"; do
  coordinates "$name" > /dev/null || exit 2
  run_codebase "$name" || failed=1
done

{
  echo "JDK: $("$JDK/bin/java" -version 2>&1 | head -1); cores: $(nproc); $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| codebase | version | files | lines | Sleep | BlockingIo | BlockingWait | NonYieldingLoop | UnawaitedFuture | UnsubscribedPublisher | EP findings | scanner findings | CPU s javac / +EP / scanner | wall s javac / +EP / scanner |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for name in "${ALL[@]}"; do
    [ -f "$OUTROOT/$name/summary.txt" ] || continue
    grep '^row|' "$OUTROOT/$name/summary.txt" | awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s / %s / %s |\n", $2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19 }'
  done
} > "$OUTROOT/summary.md"
cat "$OUTROOT/summary.md"
exit $failed

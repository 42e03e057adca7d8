#!/usr/bin/env bash
# Compile cost of the Error Prone checks: CPU time (user+sys) of compiling the Vert.x core 4.5.11
# sources three ways, interleaved so machine load hits every configuration alike:
#   plain    javac
#   ep-off   javac + Error Prone with every check off (-XepDisableAllChecks)
#   ep-one   javac + Error Prone with one trivial built-in check (DeadException): Error Prone's own
#            pass over every tree, which any enabled check pays
#   lint     javac + Error Prone with only async-lint's rules on (built-in checks off)
# Prints the medians and the ratios against plain javac, and writes them to $OUT.
# MODE=warm [WARMUP=2] runs the four in one warm JVM instead (checks/bench/WarmCompileCost.java):
# what a build daemon, an IDE or Maven's in-process javac over many modules pays; writes results-warm.txt.
# WARM_JVM_FLAGS="-Dconfigs=lint -XX:StartFlightRecording=..." profiles one configuration warm.
# MODE=threads runs each cold compile through JavacThreadCpu.java instead of the javac launcher and
# also reports where the CPU went: the compiling thread, the C1 and C2 JIT compilers, the GC.
#
# Usage: checks/bench/compile-cost.sh [repetitions]     (from the repository root; default 5)
# Needs: Maven (to fetch the sources and the classpath), a JDK 21+ (JDK env var, default Temurin 25),
# async-lint-core and async-lint-errorprone installed in ~/.m2 (mvn -B -q install -pl checks/errorprone -am -DskipTests).
set -euo pipefail

REPS="${1:-5}"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
VERTX_VERSION="${VERTX_VERSION:-4.5.11}"
EP_VERSION="${EP_VERSION:-2.50.0}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-$ROOT/checks/bench/target/compile-cost}"
OUT="${OUT:-$WORK/results.txt}"
JAVAC="$JDK/bin/javac"
M2="${M2:-$HOME/.m2/repository}"
ASYNC_LINT_VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"

mkdir -p "$WORK"
cd "$WORK"

# 1. Sources and the classpath vertx-core is built with (its own pom, optional and provided deps included).
if [ ! -f sources.ok ]; then
  mvn -B -q dependency:get -Dartifact="io.vertx:vertx-core:$VERTX_VERSION:jar:sources" -Dtransitive=false
  mvn -B -q dependency:get -Dartifact="io.vertx:vertx-core:$VERTX_VERSION:pom" -Dtransitive=false
  rm -rf src && mkdir src
  (cd src && "$JDK/bin/jar" xf "$M2/io/vertx/vertx-core/$VERTX_VERSION/vertx-core-$VERTX_VERSION-sources.jar")
  mkdir -p vertx-pom && cp "$M2/io/vertx/vertx-core/$VERTX_VERSION/vertx-core-$VERTX_VERSION.pom" vertx-pom/pom.xml
  (cd vertx-pom && mvn -B -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$WORK/classpath.txt")
  find src -name '*.java' | sort > sources.txt
  touch sources.ok
fi

# 2. Error Prone and async-lint for -processorpath.
if [ ! -f processorpath.txt ]; then
  mkdir -p ep-pom
  cat > ep-pom/pom.xml <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>ep-path</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>com.google.errorprone</groupId><artifactId>error_prone_core</artifactId><version>$EP_VERSION</version></dependency>
    <dependency><groupId>dev.asynclint</groupId><artifactId>async-lint-errorprone</artifactId><version>$ASYNC_LINT_VERSION</version></dependency>
  </dependencies>
</project>
POM
  (cd ep-pom && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/processorpath.txt")
fi
# Always use the freshly built checks, not a stale copy in ~/.m2.
LINT_JAR="$ROOT/checks/errorprone/target/classes"
CORE_JAR="$ROOT/checks/core/target/classes"
PROCESSORPATH="$LINT_JAR:$CORE_JAR:$(cat processorpath.txt)"

EXPORTS=()
for p in api code comp file main model parser processing tree util; do
  EXPORTS+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
EXPORTS+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")

COMMON=(-J-Xmx2g -proc:none -Xmaxwarns 100000 -Xlint:none -XDsuppressNotes -encoding UTF-8 --release 11 -cp "$(cat classpath.txt)")
EP=("${EXPORTS[@]}" -XDcompilePolicy=simple --should-stop=ifError=FLOW -processorpath "$PROCESSORPATH")
LINT_CHECKS="-Xep:SleepInEventLoop:WARN -Xep:BlockingIoInEventLoop:WARN -Xep:BlockingWaitInEventLoop:WARN"
for extra in NonYieldingLoopInEventLoop UnawaitedFuture UnsubscribedPublisher; do
  # Rules other branches add; enabled only when the built checks contain them.
  if ls "$LINT_JAR"/dev/asynclint/errorprone/"$extra".class >/dev/null 2>&1; then
    LINT_CHECKS="$LINT_CHECKS -Xep:$extra:WARN"
  fi
done

run() { # config -> prints CPU seconds
  local config="$1" out="$WORK/classes-$1"
  rm -rf "$out" && mkdir -p "$out"
  local args=("${COMMON[@]}" -d "$out")
  case "$config" in
    plain) ;;
    ep-off) args+=("${EP[@]}" "-Xplugin:ErrorProne -XepDisableAllChecks") ;;
    ep-one) args+=("${EP[@]}" "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:DeadException:WARN") ;;
    lint) args+=("${EP[@]}" "-Xplugin:ErrorProne -XepDisableAllChecks $LINT_CHECKS") ;;
  esac
  # PROFILE=1 [CONFIG=plain|ep-off|lint]: one JFR recording of one compile instead of timings (see docs/performance.md).
  if [ "${PROFILE:-}" = 1 ]; then
    args=("-J-XX:StartFlightRecording=filename=$WORK/$config.jfr,settings=profile" "${args[@]}")
  fi
  if [ "${MODE:-}" = threads ]; then
    # The same javac arguments in a plain JVM (the -J flags become JVM flags).
    local jvm=() javac_args=()
    for a in "${args[@]}"; do
      case "$a" in -J*) jvm+=("${a#-J}") ;; *) javac_args+=("$a") ;; esac
    done
    "$JDK/bin/java" "${jvm[@]}" -cp "$WORK/launcher" JavacThreadCpu "${javac_args[@]}" "@sources.txt" > "$WORK/log-$config.txt" 2>&1 \
      || { echo "compile failed ($config), see $WORK/log-$config.txt" >&2; tail -20 "$WORK/log-$config.txt" >&2; exit 1; }
    grep '^cpu ' "$WORK/log-$config.txt" >> "$WORK/$config.threads"
    grep '^cpu ' "$WORK/log-$config.txt" | sed 's/.*process=\([0-9.]*\).*/\1/'
    return
  fi
  /usr/bin/time -f '%U %S' -o "$WORK/time-$config.txt" "$JAVAC" "${args[@]}" "@sources.txt" > "$WORK/log-$config.txt" 2>&1 \
    || { echo "compile failed ($config), see $WORK/log-$config.txt" >&2; tail -20 "$WORK/log-$config.txt" >&2; exit 1; }
  awk '{ printf "%.2f\n", $1 + $2 }' "$WORK/time-$config.txt"
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

if [ "${MODE:-}" = warm ]; then
  # The same four configurations in one warm JVM (WarmCompileCost.java): WARMUP rounds not counted.
  JVM_EXPORTS=()
  for flag in "${EXPORTS[@]}"; do JVM_EXPORTS+=("${flag#-J}"); done
  "$JDK/bin/java" -Xmx3g ${WARM_JVM_FLAGS:-} "${JVM_EXPORTS[@]}" -cp "$PROCESSORPATH" "$ROOT/checks/bench/WarmCompileCost.java" \
    "$WORK" "${WARMUP:-2}" "$REPS" | tee "$WORK/results-warm.txt"
  exit 0
fi
if [ "${PROFILE:-}" = 1 ]; then
  run "${CONFIG:-lint}" > /dev/null
  echo "recording: $WORK/${CONFIG:-lint}.jfr (jfr print --events jdk.ExecutionSample ...)" >&2
  exit 0
fi
echo "$(wc -l < sources.txt) source files, $REPS repetitions, JDK $("$JAVAC" -version 2>&1)" >&2
if [ "${MODE:-}" = threads ]; then
  mkdir -p "$WORK/launcher"
  "$JAVAC" -d "$WORK/launcher" "$ROOT/checks/bench/JavacThreadCpu.java"
  rm -f plain.threads ep-off.threads ep-one.threads lint.threads
fi
run plain > /dev/null   # warm the page cache; not counted
rm -f plain.threads
: > plain.cpu; : > ep-off.cpu; : > ep-one.cpu; : > lint.cpu
for i in $(seq "$REPS"); do
  for config in plain ep-off ep-one lint; do
    t="$(run "$config")"
    echo "$t" >> "$config.cpu"
    echo "rep $i $config ${t}s" >&2
  done
done
grep -c 'warning: \[' "$WORK/log-lint.txt" > lint-findings.txt || true

P="$(median < plain.cpu)"; E="$(median < ep-off.cpu)"; O="$(median < ep-one.cpu)"; L="$(median < lint.cpu)"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  host: $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "sources: io.vertx:vertx-core:$VERTX_VERSION sources jar, $(wc -l < sources.txt) files; javac $("$JAVAC" -version 2>&1 | cut -d' ' -f2)"
  echo "repetitions: $REPS (median CPU seconds, user+sys)"
  echo "plain javac:                      $P s (all: $(paste -sd' ' plain.cpu))"
  echo "javac + Error Prone, checks off:  $E s (all: $(paste -sd' ' ep-off.cpu))  ratio $(awk -v a="$E" -v b="$P" 'BEGIN { printf "%.3f", a / b }')"
  echo "javac + Error Prone, one check:   $O s (all: $(paste -sd' ' ep-one.cpu))  ratio $(awk -v a="$O" -v b="$P" 'BEGIN { printf "%.3f", a / b }')"
  echo "javac + Error Prone, async-lint:  $L s (all: $(paste -sd' ' lint.cpu))  ratio $(awk -v a="$L" -v b="$P" 'BEGIN { printf "%.3f", a / b }')"
  echo "async-lint on top of Error Prone with one check: ratio $(awk -v a="$L" -v b="$O" 'BEGIN { printf "%.3f", a / b }'); async-lint warnings: $(cat lint-findings.txt)"
  if [ "${MODE:-}" = threads ]; then
    for config in plain ep-off ep-one lint; do
      line="$config, medians of CPU seconds by thread:"
      for group in process main C1 C2 GC; do
        line="$line $group $(sed "s/.* $group=\([0-9.]*\).*/\1/" "$config.threads" | median)"
      done
      echo "$line"
    done
  fi
} | tee "$OUT"

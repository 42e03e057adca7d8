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
# A/B of two builds of the checks: BASE=<commit> adds configuration lint-base (the checks built at
# that commit in a temporary worktree). FLOOR=1 adds configuration floor: the six rules registered
# as usual but returning at once from every match method (Error Prone's dispatch to them, no
# analysis). CONFIGS="lint-base lint" runs only the named configurations (default: plain ep-off
# ep-one lint, plus lint-base with BASE and floor with FLOOR). LINT_FLAGS="-XepOpt:AsyncLint:MaxDepth=0"
# passes options to the async-lint configurations (lint, lint-base, floor). Configuration
# lint-direct is lint with MaxDepth=0: no transitive chains, only calls written in event-loop code.
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
CONFIGS="${CONFIGS:-plain ep-off ep-one lint${BASE:+ lint-base}${FLOOR:+ floor}}"

# The checks built at a commit in a temporary worktree (once per commit and variant), printed as a
# processor path. With "floor", every match method of the six rules first returns NO_MATCH: Error
# Prone still registers and calls all six checks on every tree they ask for, so what remains is
# the cost any implementation of them as Error Prone checks pays before doing any work.
checks_at() { # commit [floor]
  local out tree
  out="$WORK/checks-$(git -C "$ROOT" rev-parse --short "$1")${2:+-$2}"
  if [ ! -f "$out/ok" ]; then
    tree="$(mktemp -d)/tree"
    git -C "$ROOT" worktree add --detach "$tree" "$1" >&2
    # A failed patch or build must not leave the temporary worktree registered in the repository.
    # (Expanded now: $tree is local, and the trap runs when this command substitution's shell exits.)
    trap "git -C '$ROOT' worktree remove --force '$tree' 2>/dev/null; rm -rf '$(dirname "$tree")'" EXIT
    if [ "${2:-}" = floor ]; then
      perl -0pi -e 's/(public Description match\w+\([^)]*\) \{\n)/$1    if (Boolean.TRUE) { return Description.NO_MATCH; }\n/g' \
        "$tree"/checks/errorprone/src/main/java/dev/asynclint/errorprone/*.java
      local methods returns
      methods="$(cat "$tree"/checks/errorprone/src/main/java/dev/asynclint/errorprone/*.java | grep -c 'public Description match')"
      returns="$(cat "$tree"/checks/errorprone/src/main/java/dev/asynclint/errorprone/*.java | grep -c 'if (Boolean.TRUE) { return Description.NO_MATCH; }')"
      [ "$methods" = "$returns" ] || { echo "floor: $returns of $methods match methods patched" >&2; exit 1; }
    fi
    (cd "$tree" && mvn -B -q -o package -pl checks/errorprone -am -DskipTests >&2)
    rm -rf "$out" && mkdir -p "$out"
    cp -r "$tree/checks/errorprone/target/classes" "$out/errorprone"
    cp -r "$tree/checks/core/target/classes" "$out/core"
    touch "$out/ok"
  fi
  echo "$out/errorprone:$out/core:$(cat processorpath.txt)"
}
# lint-base: the checks as they were at $BASE, for interleaved before/after runs.
if [ -n "${BASE:-}" ]; then BASE_PROCESSORPATH="$(checks_at "$BASE")"; fi
if [[ " $CONFIGS ${CONFIG:-} " == *" floor "* ]]; then FLOOR_PROCESSORPATH="$(checks_at HEAD floor)"; fi

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
    lint) args+=("${EP[@]}" "-Xplugin:ErrorProne -XepDisableAllChecks $LINT_CHECKS${LINT_FLAGS:+ $LINT_FLAGS}") ;;
    lint-base) args+=("${EP[@]/#$PROCESSORPATH/$BASE_PROCESSORPATH}" "-Xplugin:ErrorProne -XepDisableAllChecks $LINT_CHECKS${LINT_FLAGS:+ $LINT_FLAGS}") ;;
    lint-direct) args+=("${EP[@]}" "-Xplugin:ErrorProne -XepDisableAllChecks $LINT_CHECKS -XepOpt:AsyncLint:MaxDepth=0${LINT_FLAGS:+ $LINT_FLAGS}") ;;
    floor) args+=("${EP[@]/#$PROCESSORPATH/$FLOOR_PROCESSORPATH}" "-Xplugin:ErrorProne -XepDisableAllChecks $LINT_CHECKS${LINT_FLAGS:+ $LINT_FLAGS}") ;;
  esac
  # PROFILE=1 [CONFIG=plain|ep-off|lint]: one JFR recording of one compile instead of timings (see docs/performance.md).
  if [ "${PROFILE:-}" = 1 ]; then
    args=("-J-XX:StartFlightRecording=filename=$WORK/$config.jfr,settings=profile,jdk.Compilation#threshold=0ms" "${args[@]}")
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
  for config in $CONFIGS; do rm -f "$config.threads"; done
fi
run plain > /dev/null   # warm the page cache; not counted
rm -f plain.threads
for config in $CONFIGS; do : > "$config.cpu"; done
for i in $(seq "$REPS"); do
  for config in $CONFIGS; do
    t="$(run "$config")"
    echo "$t" >> "$config.cpu"
    echo "rep $i $config ${t}s" >&2
  done
done
if [[ " $CONFIGS " == *" lint "* ]]; then
  grep -c 'warning: \[' "$WORK/log-lint.txt" > lint-findings.txt || true
else
  echo "(lint not run)" > lint-findings.txt
fi
if [[ " $CONFIGS " == *" lint-base "*" "* && " $CONFIGS " == *" lint "* ]]; then
  # Both builds must report the same warnings, word for word.
  if diff <(grep 'warning: \[' "$WORK/log-lint-base.txt" | sort) <(grep 'warning: \[' "$WORK/log-lint.txt" | sort) > "$WORK/warnings.diff"; then
    echo "same warnings from lint-base and lint" >&2
  else
    echo "WARNINGS DIFFER between lint-base and lint: $WORK/warnings.diff" >&2
  fi
fi

label() {
  case "$1" in
    plain) echo "plain javac:                    " ;;
    ep-off) echo "javac + Error Prone, checks off:" ;;
    ep-one) echo "javac + Error Prone, one check: " ;;
    lint) echo "javac + Error Prone, async-lint:" ;;
    lint-base) echo "the same, checks at $BASE:" ;;
    floor) echo "six checks that match nothing:" ;;
    lint-direct) echo "async-lint, no transitive chains:" ;;
  esac
}
FIRST="${CONFIGS%% *}"
F="$(median < "$FIRST.cpu")"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  host: $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "sources: io.vertx:vertx-core:$VERTX_VERSION sources jar, $(wc -l < sources.txt) files; javac $("$JAVAC" -version 2>&1 | cut -d' ' -f2)"
  echo "repetitions: $REPS (median CPU seconds, user+sys); ratios against $FIRST"
  for config in $CONFIGS; do
    M="$(median < "$config.cpu")"
    echo "$(label "$config")  $M s (all: $(paste -sd' ' "$config.cpu"))  ratio $(awk -v a="$M" -v b="$F" 'BEGIN { printf "%.3f", a / b }')"
  done
  case " $CONFIGS " in
    *" ep-one "*" lint "*)
      echo "async-lint on top of Error Prone with one check: ratio $(awk -v a="$(median < lint.cpu)" -v b="$(median < ep-one.cpu)" 'BEGIN { printf "%.3f", a / b }'); async-lint warnings: $(cat lint-findings.txt)" ;;
    *) echo "async-lint warnings: $(cat lint-findings.txt)" ;;
  esac
  if [ "${MODE:-}" = threads ]; then
    for config in $CONFIGS; do
      line="$config, medians of CPU seconds by thread:"
      for group in process main C1 C2 GC; do
        line="$line $group $(sed "s/.* $group=\([0-9.]*\).*/\1/" "$config.threads" | median)"
      done
      echo "$line"
    done
  fi
} | tee "$OUT"

#!/bin/sh
# Runs the agent overhead benchmark (JMH) with and without -javaagent in one run.
# Build first: mvn -B -Pbench -pl agent -am package -DskipTests
# Usage: [BENCH=regex] agent/bench.sh [rounds] [other-agent.jar ...]
#   BENCH: only the benchmarks whose method name matches, e.g. BENCH='nettyTasks|lockOffTheLoop'.
#   JVM_ARGS: JVM flags for every fork, with and without the agent (space-separated).
#   rounds: forks per configuration, alternating; default 2. Other agent jars (an older build)
#   are measured in the same rotation, each with its own ratio against the same baseline
#   (absolute paths: the script changes to agent/).
#   Each fork is 3 x 2 s warm-up and 4 x 2 s measurement plus JVM start: about 20 s per
#   benchmark, configuration and round (so 2 benchmarks x 2 configurations x 10 rounds: ~14 min).
set -e
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=$(ls target/async-lint-agent-*.jar | grep -v -e original -e sources | head -1)
ROUNDS="${1:-2}"
[ $# -gt 0 ] && shift
exec "$JAVA" -Dbench="${BENCH:-}" -DjvmArgs="${JVM_ARGS:-}" -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.asynclint.bench.AgentOverheadRun "$PWD/$JAR" "$ROUNDS" "$@"

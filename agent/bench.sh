#!/bin/sh
# Runs the agent overhead benchmark (JMH) with and without -javaagent in one run.
# Build first: mvn -B -Pbench -pl agent -am package -DskipTests
# Usage: agent/bench.sh [rounds] (forks per configuration, alternating; default 2)
set -e
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=$(ls target/async-lint-agent-*.jar | grep -v -e original -e sources | head -1)
exec "$JAVA" -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.asynclint.bench.AgentOverheadRun "$PWD/$JAR" "${1:-2}"

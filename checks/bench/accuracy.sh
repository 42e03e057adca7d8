#!/usr/bin/env bash
# One command for docs/accuracy.md's real-world tables (issue 9): builds this checkout's engines and
# the base commit's (the "before" column, in a temporary git worktree), runs real-world.sh with each
# over the five codebases, then applies the triage (real-world-triage.tsv) with triage.py.
#
# Usage: checks/bench/accuracy.sh [codebase...]       (from anywhere; default: the five of the page)
#   BASE=<commit>   the "before" engines (default fbc15e1, the commit the triage started from)
#   REUSE_BEFORE=1  keep an existing before run (it does not change unless BASE does)
# Writes checks/bench/target/real-world-before/, checks/bench/target/real-world/ and
# checks/bench/target/accuracy-tables.md (the page's tables and triage lists). About 25 minutes of
# CPU on 2 cores; needs Maven with Maven Central, git, python3 and a JDK 21+ (see real-world.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="${BASE:-fbc15e1}"
TARGET="$ROOT/checks/bench/target"
BEFORE="$TARGET/real-world-before"
AFTER="$TARGET/real-world"
CODEBASES=("$@")
[ ${#CODEBASES[@]} -gt 0 ] || CODEBASES=(vertx-core vertx-web-client reactor-netty-http lettuce-core r2dbc-postgresql)
BUILD=(mvn -B -q -ntp package -pl checks/core,checks/errorprone,checks/javaparser -am -DskipTests)

echo "== building this checkout's engines" >&2
(cd "$ROOT" && "${BUILD[@]}")

if [ -n "${REUSE_BEFORE:-}" ] && [ -f "$BEFORE/summary.md" ]; then
  echo "== reusing the before run in $BEFORE" >&2
else
  BASE_PARENT="$(mktemp -d)"
  BASE_TREE="$BASE_PARENT/base"
  trap 'git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true; rm -rf "$BASE_PARENT"' EXIT
  echo "== building the before engines ($BASE) in $BASE_TREE" >&2
  git -C "$ROOT" worktree add --detach --quiet "$BASE_TREE" "$BASE"
  (cd "$BASE_TREE" && "${BUILD[@]}")
  rm -rf "$BEFORE"
  # The base's own ep.classpath and codebase downloads are the same: only the engines differ.
  ENGINES="$BASE_TREE" OUTROOT="$BEFORE" SKIP_PLAIN=1 "$ROOT/checks/bench/real-world.sh" "${CODEBASES[@]}"
fi

echo "== after: this checkout's engines" >&2
"$ROOT/checks/bench/real-world.sh" "${CODEBASES[@]}"

python3 "$ROOT/checks/bench/triage.py" "$BEFORE" "$AFTER" > "$TARGET/accuracy-tables.md"
echo "== tables: $TARGET/accuracy-tables.md (timings: $AFTER/summary.md)" >&2

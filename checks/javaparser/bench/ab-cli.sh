#!/usr/bin/env bash
# Compares scanner builds on the Vert.x core sources, interleaved run by run: on a small shared
# machine a scan's time swings ±20 % between runs, so only ratios taken round by round, over
# several rounds, say anything. Run scan-vs-javac.sh once first: it fetches the sources and the
# classpath into checks/javaparser/target/bench.
#
#   ROUNDS=5 checks/javaparser/bench/ab-cli.sh before-cli.jar after-cli.jar [more.jar ...]
#
# Prints each run (wall s, user + sys CPU s, findings), then per jar the medians and the median
# of its round-by-round ratio to the first jar.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
ROUNDS="${ROUNDS:-5}"
THREADS="${THREADS:-$(nproc)}"
WORK="${WORK:-$ROOT/checks/javaparser/target/bench}"
[ "$#" -ge 2 ] || { echo "usage: $0 first-cli.jar second-cli.jar [more...]" >&2; exit 2; }
for jar in "$@"; do [ -f "$jar" ] || { echo "no such jar: $jar" >&2; exit 2; }; done
[ -d "$WORK/src" ] && [ -f "$WORK/vertx.classpath" ] || { echo "run checks/javaparser/bench/scan-vs-javac.sh first" >&2; exit 2; }
CP="$(cat "$WORK/vertx.classpath"):${M2:-$HOME/.m2/repository}/io/vertx/vertx-core/${VERTX:-4.5.11}/vertx-core-${VERTX:-4.5.11}.jar"
runs="$(mktemp)"; out="$(mktemp)"; timing="$(mktemp)"
trap 'rm -f "$runs" "$out" "$timing"' EXIT

for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    set +e
    /usr/bin/time -f "%e %U %S" -o "$timing" "$JDK/bin/java" -jar "$jar" --quiet --threads "$THREADS" --classpath "$CP" "$WORK/src" > "$out" 2>/dev/null
    rc=$?; set -e
    [ "$rc" -le 1 ] || { echo "$jar failed ($rc)" >&2; exit 1; }
    read -r wall user sys < <(tail -1 "$timing")
    findings=$(grep -c ': \(warning\|error\): \[' "$out" || true)
    echo "$round $jar $wall $(echo "$user + $sys" | bc) $findings" | tee -a "$runs"
  done
done

python3 - "$runs" "$@" <<'PY'
import collections, statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
jars = sys.argv[2:]
runs = collections.defaultdict(dict)
for rnd, jar, wall, cpu, found in rows:
    runs[jar][rnd] = (float(wall), float(cpu), int(found))
first = runs[jars[0]]
for jar in jars:
    mine = runs[jar]
    walls = [mine[r][0] for r in mine]
    cpus = [mine[r][1] for r in mine]
    wall_ratio = statistics.median(mine[r][0] / first[r][0] for r in mine)
    cpu_ratio = statistics.median(mine[r][1] / first[r][1] for r in mine)
    found = sorted({mine[r][2] for r in mine})
    print(f"{jar}: median {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU; "
          f"round by round {wall_ratio:.3f}x wall, {cpu_ratio:.3f}x CPU of the first; findings {found}")
PY

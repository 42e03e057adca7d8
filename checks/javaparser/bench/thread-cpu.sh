#!/usr/bin/env bash
# CPU seconds per thread name of a command's JVM (scanning threads, C2, C1, GC, main), read from
# /proc/<pid>/task/*/stat every 50 ms, the last reading before the process ends (Linux only).
#
#   checks/javaparser/bench/thread-cpu.sh java -jar cli.jar --quiet --classpath "$CP" src
set -euo pipefail
"$@" > /dev/null 2>&1 &
pid=$!
declare -A last
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    read -r stat 2>/dev/null < "$task/stat" || continue
    name=$(cat "$task/comm" 2>/dev/null) || continue
    fields=${stat##*) }
    read -r -a f <<< "$fields"
    last["$(basename "$task") $name"]=$(( f[11] + f[12] )) # utime + stime, in clock ticks
  done
  sleep 0.05
done
wait "$pid" || true
ticks=$(getconf CLK_TCK)
for key in "${!last[@]}"; do
  name=${key#* }
  echo "${last[$key]} $(sed 's/[0-9]*$//' <<< "$name")" # GC Thread#0 and #1 count as one
done | awk -v t="$ticks" '{ n = $2; for (i = 3; i <= NF; i++) n = n " " $i; s[n] += $1 }
  END { for (k in s) printf "%7.2f s  %s\n", s[k] / t, k }' | sort -rn

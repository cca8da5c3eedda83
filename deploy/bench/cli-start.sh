#!/usr/bin/env bash
# How long a `judge` command takes to start, next to baselines measured in the same run.
#
#   deploy/bench/cli-start.sh [--runs N] [--before QUARKUS_APP_DIR]
#
# Each case runs N times (default 10), the cases interleaved so that a busy host weighs on all of
# them alike; prints the median and p90 wall time and the median CPU time (user + sys, children
# included) of each. Cases: the JVM alone (`java -version`, the floor), `judge --help` and
# `judge languages` without and with the AppCDS archive, and a command that starts Quarkus
# (`judge judge` on a directory that is no package) without and with it. --before adds the same
# commands run from another build's quarkus-app directory (say, an older commit's), without CDS.
# Run it as root (`judge judge` needs root, as every sandbox command does).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
judge="$root/bin/judge"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
runs=10
before=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --before) before="$2"; shift 2 ;;
    *) sed -n '4,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
  esac
done

# A directory that is no problem package: `judge judge` starts Quarkus, then says so and ends.
empty="$(mktemp -d)"
samples="$(mktemp -d)"
trap 'rm -rf "$empty" "$samples"' EXIT
source_file="$root/examples/problems/aplusb/submissions/accepted/aplusb.c"
cli_jvm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto)

# Builds the worker and makes its CDS archive, so neither is timed.
"$judge" --version >/dev/null

declare -A command
names=()
add() {
  names+=("$1")
  command[$1]="$2"
}
add "java -version (the JVM alone)" "'$java' ${cli_jvm[*]} -version"
add "judge --help, no CDS" "JUDGE_CDS=off '$judge' --help"
add "judge --help" "'$judge' --help"
add "judge languages, no CDS" "JUDGE_CDS=off '$judge' languages"
add "judge languages" "'$judge' languages"
add "judge judge (Quarkus), no CDS" "JUDGE_CDS=off '$judge' judge --problem '$empty' '$source_file'"
add "judge judge (Quarkus)" "'$judge' judge --problem '$empty' '$source_file'"
if [[ -n $before ]]; then
  [[ -f $before/quarkus-run.jar ]] || { echo "cli-start: no $before/quarkus-run.jar" >&2; exit 2; }
  add "before: judge --help" "'$java' ${cli_jvm[*]} -jar '$before/quarkus-run.jar' --help"
  add "before: judge languages" "'$java' ${cli_jvm[*]} -jar '$before/quarkus-run.jar' languages"
  add "before: judge judge (Quarkus)" \
    "'$java' ${cli_jvm[*]} -jar '$before/quarkus-run.jar' judge --problem '$empty' '$source_file'"
fi

TIMEFORMAT='%R %U %S'
for ((i = 1; i <= runs; i++)); do
  for n in "${!names[@]}"; do
    { time bash -c "${command[${names[$n]}]}" >/dev/null 2>&1; } 2>>"$samples/$n" || true
  done
  printf '\rcli-start: round %d of %d' "$i" "$runs" >&2
done
printf '\r%40s\r' '' >&2

load=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'judge start-up, %d runs each, %s CPUs, load average %s\n' "$runs" "$(nproc)" "$load"
printf '%-34s %10s %10s %12s\n' case "wall p50" "wall p90" "CPU p50"
for n in "${!names[@]}"; do
  awk -v name="${names[$n]}" '
    { wall[NR] = $1; cpu[NR] = $2 + $3 }
    function pct(a, n, p,   i, j, t, k) {
      for (i = 1; i <= n; i++) s[i] = a[i]
      for (i = 2; i <= n; i++) { t = s[i]; for (j = i - 1; j >= 1 && s[j] > t; j--) s[j + 1] = s[j]; s[j + 1] = t }
      k = int((n - 1) * p + 0.5) + 1
      return s[k]
    }
    END { printf "%-34s %9.2fs %9.2fs %11.2fs\n", name, pct(wall, NR, 0.5), pct(wall, NR, 0.9), pct(cpu, NR, 0.5) }
  ' "$samples/$n"
done

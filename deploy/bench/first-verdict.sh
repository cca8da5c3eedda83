#!/usr/bin/env bash
# How soon `judge up` is ready, and how long the first submission after "ready" waits for its
# verdict, next to the same stack's steady state and to a worker that prepares nothing at start.
#
#   deploy/bench/first-verdict.sh [--steady N]
#
# Runs the local stack twice from an empty data directory (so aplusb's time limit is not yet
# derived, as on a fresh clone): first with judge.problems.prepare=false (each problem readied by
# its first submission, as before), then as `judge up` runs by default. Each time: the seconds from
# `judge up` to its "ready", then the first submission of aplusb in C sent at once (`judge load
# --count 1`: from its sending to its verdict; of it, the worker's queuedMs and judgeMs), then N
# more at one a second (default 5) for the steady state. Ports: JUDGE_KAFKA_PORT (and the next
# one) and JUDGE_HTTP_PORT, as for `judge up`. Needs root, like `judge up`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
judge="$root/bin/judge"
steady=5
while (($#)); do
  case "$1" in
    --steady) steady="$2"; shift 2 ;;
    *) sed -n '5,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
  esac
done
port="${JUDGE_KAFKA_PORT:-9092}"
source_file="$root/examples/problems/aplusb/submissions/accepted/aplusb.c"
work="$(mktemp -d)"
stack=""
cleanup() {
  if [[ -n $stack ]] && kill -0 "$stack" 2>/dev/null; then
    kill -TERM "$stack" 2>/dev/null || true
    wait "$stack" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The value of "key" in judge load's JSON.
field() {
  sed -n "s/.*\"$1\" : \\([0-9.]*\\).*/\\1/p" "$2" | head -1
}

# One stack: appends "label ready-seconds first-ms first-queued-ms first-judge-ms steady-p50-ms
# steady-max-ms" to $work/rows.
measure() {
  local label="$1" opts="$2" log="$work/$1.log"
  local start ready
  start=$(date +%s%N)
  JUDGE_DATA="$work/$label" JUDGE_JAVA_OPTS="$opts" "$judge" up >"$log" 2>&1 &
  stack=$!
  for _ in $(seq 1 1200); do
    grep -q "judge up: ready" "$log" && break
    if ! kill -0 "$stack" 2>/dev/null; then
      grep -v "^\[.*WARN.*NetworkClient" "$log" | head -80 >&2
      echo "first-verdict: judge up died (its broker log: $work/$label/kafka)" >&2
      trap - EXIT
      exit 1
    fi
    sleep 0.25
  done
  grep -q "judge up: ready" "$log" || { echo "first-verdict: judge up never got ready" >&2; exit 1; }
  ready=$(date +%s%N)
  "$judge" load --bootstrap "127.0.0.1:$port" --count 1 --json --problem aplusb --language c \
    "$source_file" >"$work/$label.first.json"
  "$judge" load --bootstrap "127.0.0.1:$port" --count "$steady" --rate 1 --json --problem aplusb \
    --language c "$source_file" >"$work/$label.steady.json"
  kill -TERM "$stack"
  wait "$stack" || true
  stack=""
  printf '%s %.1f %s %s %s %s %s\n' "$label" "$(((ready - start) / 1000000))e-3" \
    "$(field latencyMsP50 "$work/$label.first.json")" "$(field queuedMsP50 "$work/$label.first.json")" \
    "$(field judgeMsP50 "$work/$label.first.json")" \
    "$(field latencyMsP50 "$work/$label.steady.json")" "$(field latencyMsMax "$work/$label.steady.json")" >>"$work/rows"
}

"$judge" --version >/dev/null
measure "prepare=false" "-Djudge.problems.prepare=false"
# The first broker's ports are free again only once its JVM is gone.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while listening "$port" || listening $((port + 1)); do sleep 1; done
measure "default" ""

printf 'judge up, first verdict after ready (aplusb, C), %s CPUs, load average %s\n' \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %11s %14s %10s %12s %16s %11s\n' worker "up to ready" "first verdict" "its queue" \
  "its judging" "steady p50 ($steady)" "steady max"
while read -r label ready first queued judging p50 max; do
  printf '%-14s %10.1fs %11s ms %7s ms %9s ms %13s ms %8s ms\n' "$label" "$ready" "$first" \
    "$queued" "$judging" "$p50" "$max"
done <"$work/rows"

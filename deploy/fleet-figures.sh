#!/usr/bin/env bash
# The fleet's headline figures on this machine, each from the command a contest operator would
# run, in the order that keeps them apart (nothing else of ours runs during a measurement):
#
#   timing  judge bench timing, pinned and not: the CPU time's CV idle and busy, and the shift
#   load    judge up --brokers 3 --workers 2 (one slot each): throughput at saturation (closed
#           loop), then latency p50/p99 at 50 % and 90 % of it (open loop, Poisson arrivals); the
#           compile cache off, so that every submission is compiled, as distinct contestants' are
#   lanes   judge up (one worker, two slots): live p99 without and with 5 000 rejudges queued
#           (the smoke mix at 1/s, a contest's live load a node can carry on the slot kept for it)
#   cache   judge up (one worker, one slot), with the compile cache off and then on: rejudge
#           throughput (the smoke mix on the rejudge lane, a closed loop of 2, 300 submissions)
#   chaos   judge up --brokers 3 --workers 2: judge chaos with its defaults (20 worker kills,
#           3 broker restarts, 1 stop past the session timeout, 1 000 malformed records)
#   soak    judge up: judge soak --count 10000 (fds, mounts, cgroups, threads, processes, RSS)
#
# Usage: deploy/fleet-figures.sh [-o DIR] [PART...]   (all parts without arguments)
# Each part writes its JSON, HTML report and log under DIR (default var/figures), and a line to
# DIR/summary.txt. Needs root (the sandbox), jq, and the ports bin/judge up uses by default
# (JUDGE_KAFKA_PORT, JUDGE_HTTP_PORT, JUDGE_S3_PORT move them). Takes about 90 minutes for all.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/var/figures
if [[ ${1:-} == -o ]]; then
  out=$2
  shift 2
fi
parts=("$@")
((${#parts[@]})) || parts=(timing load lanes cache chaos soak)
for p in "${parts[@]}"; do
  [[ $p =~ ^(timing|load|lanes|cache|chaos|soak)$ ]] || {
    echo "fleet-figures: unknown part $p (timing, load, lanes, cache, chaos, soak)" >&2
    exit 2
  }
done
command -v jq >/dev/null || {
  echo "fleet-figures: needs jq (apt-get install jq)" >&2
  exit 2
}
mkdir -p "$out"
judge=$top/bin/judge
http=${JUDGE_HTTP_PORT:-8080}
up_pid=

say() {
  echo "$*" | tee -a "$out/summary.txt"
}

# judge up NAME JAVA_OPTS [ARGS] in the background, its data in DIR/NAME-data (the commands run
# against it find its pid files there); returns once it says it is ready.
up() {
  local name=$1 opts=$2
  shift 2
  export JUDGE_DATA=$out/$name-data
  rm -rf "$JUDGE_DATA"
  JUDGE_JAVA_OPTS=$opts "$judge" up "$@" </dev/null >"$out/$name-up.log" 2>&1 &
  up_pid=$!
  local waited=0
  until grep -q '^judge up: ready\.' "$out/$name-up.log"; do
    if ! kill -0 "$up_pid" 2>/dev/null || ((waited > 900)); then
      echo "fleet-figures: judge up ($name) did not become ready; see $out/$name-up.log" >&2
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

# SIGTERM, as Ctrl-C: the workers finish what they judge, then the brokers stop.
down() {
  [[ -n $up_pid ]] || return 0
  kill -TERM "$up_pid" 2>/dev/null || true
  wait "$up_pid" || true
  up_pid=
}
trap down EXIT

# Every judge command below runs as the operator would run it and must exit 0 (every verdict as
# expected); its output is kept next to its JSON.
run() {
  local name=$1
  shift
  echo "+ judge $*" >"$out/$name.log"
  if ! "$judge" "$@" >>"$out/$name.log" 2>&1; then
    echo "fleet-figures: judge $1 failed; see $out/$name.log" >&2
    exit 1
  fi
}

mix=$top/examples/load/contest-mix.yaml
smoke=$top/examples/load/smoke.yaml
fleet_metrics=http://127.0.0.1:$http,http://127.0.0.1:$((http + 1))

timing() {
  run timing-pinned bench timing --runs 50 --pin-cpus auto --json
  run timing-floating bench timing --runs 50 --pin-cpus off --json
  for kind in pinned floating; do
    sed -n '/^{/,$p' "$out/timing-$kind.log" >"$out/timing-$kind.json"
    jq -r --arg k "$kind" '"timing (\($k), \(.slots) slots): CV idle \(.idle.cvPercent) %, busy \(.busy.cvPercent) %, mean shift \(.meanShiftPercent) % (\(.idle.runs)+\(.busy.runs) runs of \(.idle.meanMs) ms)"' \
      "$out/timing-$kind.json" | tee -a "$out/summary.txt"
  done
}

load() {
  up fleet "-Djudge.worker.slots=1 -Djudge.compile-cache.enabled=false" --brokers 3 --workers 2
  run load-saturation load --workload "$mix" --concurrency 6 --duration 120s --warmup 20s \
    --metrics "$fleet_metrics" --out "$out/load-saturation.json" --report "$out/load-saturation.html"
  local x
  x=$(jq .throughputPerSecond "$out/load-saturation.json")
  say "$(jq -r '"saturation (2 workers x 1 slot, contest-mix, closed loop of 6): \(.throughputPerSecond * 100 | round / 100) verdicts/s, p50 \(.latency.p50Ms) ms, p99 \(.latency.p99Ms) ms, judging p50 \(.judging.p50Ms) ms"' "$out/load-saturation.json")"
  for pct in 50 90; do
    local rate
    rate=$(jq -n --argjson x "$x" --argjson p "$pct" '$x * $p / 100 * 1000 | round / 1000')
    run "load-$pct" load --workload "$mix" --rate "$rate" --duration 180s --warmup 20s \
      --metrics "$fleet_metrics" --out "$out/load-$pct.json" --report "$out/load-$pct.html"
    say "$(jq -r --arg p "$pct" --arg r "$rate" '"\($p) % load (\($r)/s Poisson): p50 \(.latency.p50Ms) ms, p99 \(.latency.p99Ms) ms, max \(.latency.maxMs) ms, \(.throughputPerSecond * 100 | round / 100) verdicts/s"' "$out/load-$pct.json")"
  done
  down
}

lanes() {
  up lanes -Djudge.worker.slots=2
  run lanes-base load --workload "$smoke" --rate 1 --duration 120s --warmup 10s --seed 7 \
    --metrics "http://127.0.0.1:$http" --out "$out/lanes-base.json" --report "$out/lanes-base.html"
  run lanes-backlog load --workload "$smoke" --rate 1 --duration 120s --warmup 10s --seed 7 \
    --rejudge-backlog 5000 --metrics "http://127.0.0.1:$http" --out "$out/lanes-backlog.json" \
    --report "$out/lanes-backlog.html"
  run lanes-compare load --compare "$out/lanes-base.json" "$out/lanes-backlog.json"
  say "$(jq -rn --slurpfile a "$out/lanes-base.json" --slurpfile b "$out/lanes-backlog.json" '"live lane (1 worker x 2 slots, smoke mix at 1/s): p99 \($a[0].latency.p99Ms) ms without a backlog, \($b[0].latency.p99Ms) ms with 5000 rejudges queued (\(($b[0].latency.p99Ms / $a[0].latency.p99Ms - 1) * 1000 | round / 10) %), p50 \($a[0].latency.p50Ms) -> \($b[0].latency.p50Ms) ms"')"
  down
}

# A rejudge of submissions judged before: with the cache each distinct source compiles once per
# node; without it, every rejudge compiles again.
cache() {
  local c
  for c in off on; do
    up "cache-$c" "-Djudge.worker.slots=1 -Djudge.compile-cache.enabled=$([[ $c == on ]] && echo true || echo false)"
    run "rejudge-cache-$c" load --workload "$smoke" --lane rejudge --concurrency 2 --count 300 --seed 7 \
      --metrics "http://127.0.0.1:$http" --out "$out/rejudge-cache-$c.json" \
      --report "$out/rejudge-cache-$c.html"
    down
  done
  run rejudge-compare load --compare "$out/rejudge-cache-off.json" "$out/rejudge-cache-on.json"
  say "$(jq -rn --slurpfile a "$out/rejudge-cache-off.json" --slurpfile b "$out/rejudge-cache-on.json" '"rejudges (1 worker x 1 slot, smoke mix, closed loop of 2, 300): \($a[0].throughputPerSecond * 100 | round / 100)/s without the compile cache, \($b[0].throughputPerSecond * 100 | round / 100)/s with it (x\($b[0].throughputPerSecond / $a[0].throughputPerSecond * 100 | round / 100)), judging p50 \($a[0].judging.p50Ms) -> \($b[0].judging.p50Ms) ms"')"
}

chaos() {
  up chaos -Djudge.worker.slots=1 --brokers 3 --workers 2
  run chaos chaos --out "$out/chaos.json" --report "$out/chaos.html"
  say "chaos: $(grep -m1 -A1 '^judge chaos: lost' "$out/chaos.log" | sed 's/^judge chaos: //' | tr '\n' ' ' | tr -s ' ')"
  down
}

soak() {
  up soak -Djudge.worker.slots=2
  run soak soak --count 10000 --out "$out/soak.json"
  say "soak (10000): $(grep -m1 -A8 '^judge soak:' "$out/soak.log" | tr '\n' ' ' | tr -s ' ')"
  down
}

say "fleet-figures $(date -u +%FT%TZ) on $(hostname): $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), git $(git -C "$top" rev-parse --short HEAD)"
for p in "${parts[@]}"; do
  "$p"
done

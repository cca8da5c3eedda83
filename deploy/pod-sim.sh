#!/usr/bin/env bash
# pod-sim.sh: runs the worker image as the DaemonSet's pod would run on a judge node, with runc,
# and checks what the kubelet would see. No cluster is needed (see README, "Deploy to Kubernetes").
#
#   deploy/pod-sim.sh [--overlay k8s/overlays/dev] [--image target/image/oci]
#                     [--rootfs STORE | --pull-from LAYOUT]
#
# --image is the OCI layout `bin/judge image build` wrote; --rootfs a store of language images
# with gcc's in it (`bin/judge rootfs build c`), the node's hostPath cache of rootfs images.
# --pull-from starts the node with an empty store instead and has the init container pull gcc
# into it (`judge rootfs pull`) from LAYOUT, an OCI layout standing for the registry (the store's
# own, <store>/oci); then runs the init container again, which must find it and fetch nothing.
# Ports and data as for `judge up`: JUDGE_KAFKA_PORT (9092, the controller one above),
# JUDGE_HTTP_PORT (8080), JUDGE_S3_PORT (9000), JUDGE_DATA (var/pod-sim).
#
# Steps: render the overlay (kubectl kustomize); unpack the image (layer digests checked); start a
# broker with the worker's topics and a problem store with the example problems; run the init
# container (runc) and require exit 0; run the worker container (runc, detached) and wait for
# /q/health/started then /q/health/ready within the startup probe's budget; check liveness and the
# PodMonitor's metrics; check that the slots' cgroups sit under the container's own; judge AC, WA,
# TLE and CE submissions produced to the broker; send SIGTERM with one submission in flight, as
# the kubelet does, and require the container to exit within terminationGracePeriodSeconds and
# the submission's verdict to arrive (finished in the grace, or handed back and judged by the
# next pod). Each step prints its result; the exit status is 0 only when every step held.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
overlay="$root/k8s/overlays/dev" image="$root/target/image/oci" rootfs="" pull_from=""
while (($#)); do
  case "$1" in
    --overlay) overlay="$(cd "$2" && pwd)"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    --rootfs) rootfs="$2"; shift 2 ;;
    --pull-from) pull_from="$(cd "$2" && pwd)"; shift 2 ;;
    -h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pod-sim: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
data="${JUDGE_DATA:-$root/var/pod-sim}"
port="${JUDGE_KAFKA_PORT:-9092}" http="${JUDGE_HTTP_PORT:-8080}" s3port="${JUDGE_S3_PORT:-9000}"
if [[ -n $pull_from ]]; then
  [[ -z $rootfs ]] || { echo "pod-sim: --rootfs or --pull-from, not both" >&2; exit 2; }
  rootfs="$data/node-rootfs"
fi
rootfs="${rootfs:-${JUDGE_ROOTFS_STORE:-$data/rootfs}}"
kafka="$root/deploy/kafka/kafka.sh" s3="$root/deploy/s3proxy/s3proxy.sh"
jar="$root/worker/target/quarkus-app/quarkus-run.jar"
id="judge-worker-podsim-$$" node="judge-node-sim"
# Under the host's cgroup hierarchy, as the kubelet places a Guaranteed pod's containers.
cgroup="/judgefleet-podsim/pod-$$/worker"

failures=0 steps=0
step() { # step NAME RESULT [DETAIL]
  steps=$((steps + 1))
  printf 'pod-sim: %-58s %s%s\n' "$1" "$2" "${3:+  ($3)}"
  [[ $2 == ok ]] || failures=$((failures + 1))
}
die() { step "$1" FAILED "$2"; finish; }

for tool in runc kubectl python3 curl tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "pod-sim: $tool is missing" >&2; exit 2; }
done
python3 -c 'import yaml' 2>/dev/null ||
  { echo "pod-sim: python3's yaml module is missing (apt-get install python3-yaml)" >&2; exit 2; }
[[ $EUID -eq 0 ]] || { echo "pod-sim: needs root (runc creates the container)" >&2; exit 2; }
[[ -f $image/index.json ]] || { echo "pod-sim: no image at $image (bin/judge image build)" >&2; exit 2; }
[[ -f $jar ]] || { echo "pod-sim: no worker build (mvn -DskipTests package)" >&2; exit 2; }

runc_pid="" finished=""
finish() {
  local rc=$?
  [[ -n $finished ]] && exit 1
  finished=yes
  # A command that failed outside a step (set -e) is a failure too.
  ((rc == 0)) || failures=$((failures + 1))
  if [[ -n $runc_pid ]] && kill -0 "$runc_pid" 2>/dev/null; then
    runc kill "$id" KILL 2>/dev/null || true
    wait "$runc_pid" 2>/dev/null || true
  fi
  runc delete --force "$id" >/dev/null 2>&1 || true
  runc delete --force "$id-init" >/dev/null 2>&1 || true
  "$s3" stop --data "$data/s3" >/dev/null 2>&1 || true
  "$kafka" stop --data "$data/kafka" >/dev/null 2>&1 || true
  rmdir /sys/fs/cgroup/*/judgefleet-podsim/pod-$$ /sys/fs/cgroup/*/judgefleet-podsim 2>/dev/null || true
  echo "pod-sim: $((steps - failures)) of $steps steps held; logs in $data"
  ((failures == 0 && steps > 0)) && exit 0
  exit 1
}
trap finish EXIT
trap 'echo "pod-sim: interrupted" >&2; failures=$((failures + 1)); exit 1' INT TERM

mkdir -p "$data"
rm -rf "$data/bundle" "$data/init-bundle" "$data/rootfs-image"
java_cli() { "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" "$@"; }

# 1. The manifests as `kubectl apply -k` would send them.
kubectl kustomize "$overlay" >"$data/rendered.yaml" 2>"$data/kustomize.log" ||
  die "render $overlay" "$(tail -1 "$data/kustomize.log")"
step "render ${overlay#"$root"/} (kubectl kustomize)" ok "$(grep -c '^kind:' "$data/rendered.yaml") objects"

# 2. The image, unpacked layer by layer as a runtime does, each layer checked against its digest.
manifest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"][7:])' "$image/index.json")
mapfile -t layers < <(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["config"]["digest"][7:]); [print(l["digest"][7:]) for l in m["layers"]]' "$image/blobs/sha256/$manifest")
config="$image/blobs/sha256/${layers[0]}"
mkdir -p "$data/rootfs-image"
for layer in "${layers[@]:1}"; do
  [[ $(sha256sum <"$image/blobs/sha256/$layer" | cut -d' ' -f1) == "$layer" ]] ||
    die "unpack the image" "layer $layer does not match its digest"
  tar -xzf "$image/blobs/sha256/$layer" -C "$data/rootfs-image" --numeric-owner
done
step "unpack image sha256:${manifest:0:12} (${#layers[@]} blobs)" ok "$(du -sh "$data/rootfs-image" | cut -f1)"

# 3. What the cluster provides: Kafka with the worker's topics, the problem store.
"$kafka" start --data "$data/kafka" --port "$port" --controller-port $((port + 1)) >"$data/kafka.log" 2>&1 ||
  die "start the broker on 127.0.0.1:$port" "$(tail -1 "$data/kafka.log")"
"$kafka" topics --port "$port" judge.submissions:4 judge.rejudges:4 judge.verdicts:4:cleanup.policy=compact \
  judge.progress:4:retention.ms=3600000 judge.submissions.dlq:1 \
  judge.problems:1:cleanup.policy=compact >>"$data/kafka.log" 2>&1 ||
  die "create the topics" "$(tail -1 "$data/kafka.log")"
step "broker on 127.0.0.1:$port with the worker's topics" ok
"$s3" start --data "$data/s3" --port "$s3port" >"$data/s3.log" 2>&1 ||
  die "start the problem store" "$(tail -1 "$data/s3.log")"
store_env=()
while IFS= read -r setting; do store_env+=("$setting"); done < <("$s3" env --data "$data/s3" --port "$s3port")
dirs=("$root"/examples/problems/*/)
(for setting in "${store_env[@]}"; do export "${setting?}"; done
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$port"
  java_cli problems push --create-bucket --by pod-sim "${dirs[@]%/}") >"$data/push.log" 2>&1 ||
  die "push the example problems" "$(tail -1 "$data/push.log")"
step "problem store on 127.0.0.1:$s3port with ${#dirs[@]} problems" ok

# The pod's containers: what differs from a cluster is said here, once.
overrides=(--env "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$port" --env "JUDGE_HTTP_PORT=$http")
for setting in "${store_env[@]}"; do
  [[ $setting == JUDGE_PROBLEMS_STORE_ENABLED=* ]] || overrides+=(--env "$setting")
done
echo "pod-sim: the node's network (no CNI), the broker and the store of this run (KAFKA_BOOTSTRAP_SERVERS, JUDGE_PROBLEMS_STORE_*), port $http for 8080"
if [[ -n $pull_from ]]; then
  # An empty node; the "registry" is the layout, placed where the init container sees it (hard
  # links where the file system allows). skopeo reads it through its oci: transport.
  rm -rf "$rootfs"
  mkdir -p "$rootfs"
  cp -al "$pull_from" "$rootfs/pull-source" 2>/dev/null || cp -a "$pull_from" "$rootfs/pull-source"
  overrides+=(--env "JUDGE_LANGUAGES_PULL=oci:/var/lib/judgefleet/rootfs/pull-source:gcc")
  echo "pod-sim: an empty node store; JUDGE_LANGUAGES_PULL names gcc in $pull_from (for the registry)"
fi
volumes=(--volume "rootfs=$rootfs" --volume "problems=$data/problems" --volume "uid-leases=/run/judgefleet")
bundle() { # bundle DIR CONTAINER CGROUP
  mkdir -p "$1"
  python3 "$root/deploy/pod-sim/bundle.py" --manifests "$data/rendered.yaml" --image-config "$config" \
    --container "$2" --rootfs "$data/rootfs-image" --node "$node" --cgroup "$3" \
    "${volumes[@]}" "${overrides[@]}" "$1/config.json"
}

# 4. The init container: the language images on the node, verified, before the worker starts.
init=$(python3 -c 'import yaml,sys; d=[x for x in yaml.safe_load_all(open(sys.argv[1])) if x and x["kind"]=="DaemonSet"][0]; print(" ".join(c["name"] for c in d["spec"]["template"]["spec"].get("initContainers",[])))' "$data/rendered.yaml")
run_init() { # run_init NAME: the init container NAME, to completion
  local name=$1 summary start
  summary=$(bundle "$data/init-bundle" "$name" "/judgefleet-podsim/pod-$$/$name") ||
    die "init container $name: bundle" "see above"
  start=$(date +%s)
  if runc run --bundle "$data/init-bundle" "$id-init" >"$data/init-$name.log" 2>&1; then
    step "init container $name ($(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["args"][1:]))' "$summary"))" ok "$(( $(date +%s) - start )) s"
  else
    die "init container $name" "exit $?: $(tail -1 "$data/init-$name.log")"
  fi
  runc delete --force "$id-init" >/dev/null 2>&1 || true
}
for name in $init; do
  run_init "$name"
done
if [[ -n $pull_from ]]; then
  grep -q '^gcc .*fetched and verified' "$data/init-rootfs-pull.log" ||
    die "gcc pulled into the empty node store" "$(tail -1 "$data/init-rootfs-pull.log")"
  step "gcc pulled into the empty node store" ok "$(grep '^gcc ' "$data/init-rootfs-pull.log" | awk '{print $2}' | cut -c1-19)"
  # A restarted pod (a rollout, a reboot): the image is there, so it is hashed, not fetched.
  run_init rootfs-pull
  grep -q '^gcc .*present and verified, not fetched' "$data/init-rootfs-pull.log" ||
    die "init container again: gcc present, not fetched" "$(tail -1 "$data/init-rootfs-pull.log")"
  step "init container again: gcc present, not fetched" ok
fi

# 5. The worker container, detached as containerd runs it; its output goes to a log.
summary=$(bundle "$data/bundle" worker "$cgroup") || die "worker container: bundle" "see above"
grace=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["grace"])' "$summary")
missing=$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["missing"]))' "$summary")
[[ -z $missing ]] || echo "pod-sim: privileged without $missing: this machine's own bounding set lacks it"
start_worker() {
  runc run --bundle "$data/bundle" "$id" >>"$data/worker.log" 2>&1 &
  runc_pid=$!
}
health() { curl -fsS --max-time 5 "http://127.0.0.1:$http/q/health/$1" 2>/dev/null; }
wait_health() { # wait_health WHAT SECONDS
  local deadline=$(( $(date +%s) + $2 ))
  while (( $(date +%s) < deadline )); do
    health "$1" >/dev/null && return 0
    kill -0 "$runc_pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
: >"$data/worker.log"
start=$(date +%s)
start_worker
# The startup probe's budget: periodSeconds x failureThreshold of the rendered DaemonSet.
budget=$(python3 -c 'import yaml,sys; d=[x for x in yaml.safe_load_all(open(sys.argv[1])) if x and x["kind"]=="DaemonSet"][0]; p=d["spec"]["template"]["spec"]["containers"][0]["startupProbe"]; print(p.get("periodSeconds",10)*p.get("failureThreshold",3))' "$data/rendered.yaml")
wait_health started "$budget" || die "worker started (/q/health/started)" "not within ${budget} s: $(tail -3 "$data/worker.log" | tr '\n' ' ')"
step "worker started (/q/health/started)" ok "$(( $(date +%s) - start )) s"
if wait_health ready "$budget"; then
  step "worker ready (/q/health/ready: sandbox self-test, partitions)" ok "$(( $(date +%s) - start )) s"
else
  die "worker ready (/q/health/ready)" "$(curl -sS --max-time 5 "http://127.0.0.1:$http/q/health/ready" | tr -d '\n ' | cut -c1-300)"
fi
health live >/dev/null && step "liveness (/q/health/live)" ok || step "liveness (/q/health/live)" FAILED
metrics=$(curl -fsS --max-time 5 "http://127.0.0.1:$http/q/metrics" | grep -c '^judge' || true)
((metrics > 0)) && step "metrics (/q/metrics, the PodMonitor's)" ok "$metrics judge_* series" ||
  step "metrics (/q/metrics, the PodMonitor's)" FAILED "no judge_* series"

# 6. The slots' cgroups: created by the worker under the container's own cgroup.
state=$(runc state "$id")
own=$(find /sys/fs/cgroup/memory"$cgroup" /sys/fs/cgroup/unified"$cgroup" /sys/fs/cgroup"$cgroup" \
  -mindepth 1 -maxdepth 2 -type d -name 'judgefleet*' 2>/dev/null | head -1 || true)
[[ -n $own ]] && step "slot cgroups under the container's cgroup" ok "${own#/sys/fs/cgroup}" ||
  step "slot cgroups under the container's cgroup" FAILED "none below $cgroup ($(echo "$state" | grep -o '"status": "[a-z]*"'))"

# 7. Judging: one submission of each verdict, produced to the broker as any client would.
cat >"$data/minus.c" <<'C'
#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1; printf("%lld\n", a - b); return 0; }
C
sub="$root/examples/problems/aplusb/submissions"
submit() { # submit ID SOURCE: the verdict event's JSON
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$port" java_cli submit --json --timeout 240s --id "$1" \
    --problem aplusb --language c "$2" 2>>"$data/submit.log" || true
}
verdict_of() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("verdict","none"))' "$1" 2>/dev/null || echo none; }
declare -A want=([ac]=AC [wa]=WA [tle]=TLE [ce]=CE)
declare -A source=([ac]="$sub/accepted/aplusb.c" [wa]="$data/minus.c"
  [tle]="$sub/time_limit_exceeded/spin.c" [ce]="$sub/compile_error/broken.c")
for k in ac wa tle ce; do
  submit "podsim-$$-$k" "${source[$k]}" >"$data/verdict-$k.json" &
done
wait_pids=$(jobs -p | grep -v "^$runc_pid\$" || true)
for p in $wait_pids; do wait "$p" || true; done
for k in ac wa tle ce; do
  got=$(verdict_of "$(cat "$data/verdict-$k.json")")
  [[ $got == "${want[$k]}" ]] && step "judge ${source[$k]##*/} -> ${want[$k]}" ok ||
    step "judge ${source[$k]##*/} -> ${want[$k]}" FAILED "got $got"
done

# 8. A rolling update's SIGTERM with a submission in flight: exit within the grace period and no
# submission lost.
submit "podsim-$$-term" "$sub/time_limit_exceeded/spin.c" >"$data/verdict-term.json" &
submitter=$!
sleep 3
start=$(date +%s)
runc kill "$id" TERM
exited=""
while (( $(date +%s) - start <= grace )); do
  kill -0 "$runc_pid" 2>/dev/null || { exited=yes; break; }
  sleep 1
done
if [[ -n $exited ]]; then
  code=0
  wait "$runc_pid" || code=$?
  runc_pid=""
  step "SIGTERM: worker exited within the grace period (${grace} s)" ok "$(( $(date +%s) - start )) s, status $code"
else
  step "SIGTERM: worker exited within the grace period (${grace} s)" FAILED "still running; SIGKILL"
  runc kill "$id" KILL || true
  wait "$runc_pid" || true
  runc_pid=""
fi
runc delete --force "$id" >/dev/null 2>&1 || true
# Handed back rather than finished: the next pod (the DaemonSet's replacement) judges it.
sleep 5
if kill -0 "$submitter" 2>/dev/null; then
  echo "pod-sim: the in-flight submission was handed back; starting the replacement pod"
  start_worker
  wait_health ready "$budget" || step "replacement pod ready" FAILED
fi
wait "$submitter" || true
got=$(verdict_of "$(cat "$data/verdict-term.json")")
[[ $got == TLE ]] && step "in-flight submission judged after SIGTERM -> TLE" ok ||
  step "in-flight submission judged after SIGTERM -> TLE" FAILED "got $got"

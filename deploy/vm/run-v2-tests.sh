#!/usr/bin/env bash
# Runs the sandbox's cgroup v2 integration tests (CgroupV2IT) in the VM of cgroup-v2-vm.sh: a real
# v2 kernel, where this host is hybrid. Builds the worker's test classes first, then starts the
# JUnit console launcher in the guest (a JVM is ~40x slower there, so the test class is small).
#
# Usage: deploy/vm/run-v2-tests.sh [--timeout SECONDS] [extra cgroup-v2-vm.sh options]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

timeout=1500
if [[ ${1:-} == --timeout ]]; then
  timeout=$2
  shift 2
fi

echo "run-v2-tests: building the worker's test classes ..." >&2
mvn -B -q -Dstyle.color=never -pl worker -am -DskipTests install >&2
cp_file="$root/worker/target/test-classpath.txt"
mvn -B -q -Dstyle.color=never -pl worker dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >&2
classpath="$root/worker/target/test-classes:$root/worker/target/classes:$(cat "$cp_file")"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java="$(command -v "$java")"

exec "$root/deploy/vm/cgroup-v2-vm.sh" --timeout "$timeout" --writable worker/target "$@" -- \
  "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$classpath" \
  org.junit.platform.console.ConsoleLauncher execute \
  --select-class dev.judgefleet.worker.sandbox.CgroupV2IT \
  --details=tree --disable-banner --fail-if-no-tests

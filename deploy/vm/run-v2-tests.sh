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
mvn -B -q -Dstyle.color=never -pl worker -am -DskipTests -Dspotless.check.skip=true install >&2
# The guest's /root is an empty tmpfs, so ~/.m2 is out of sight: copy the jars next to the classes.
lib="$root/worker/target/v2-lib"
rm -rf "$lib"
mvn -B -q -Dstyle.color=never -pl worker dependency:copy-dependencies \
  -DincludeScope=test -DoutputDirectory="$lib" >&2
classpath="$root/worker/target/test-classes:$root/worker/target/classes:$lib/*"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java="$(command -v "$java")"

# From worker/, as under Maven: the tests keep their state in target/it-state.
exec "$root/deploy/vm/cgroup-v2-vm.sh" --timeout "$timeout" --workdir "$root/worker" \
  --writable "$root/worker/target" "$@" -- \
  "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$classpath" \
  org.junit.platform.console.ConsoleLauncher execute \
  --select-class dev.judgefleet.worker.sandbox.CgroupV2IT \
  --details=tree --disable-banner --disable-ansi-colors --fail-if-no-tests

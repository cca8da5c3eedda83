#!/usr/bin/env bash
# A local S3-compatible server for judgefleet's problem store: s3proxy with its filesystem
# backend, run from its jar on Maven Central (pom.xml beside this file), without Docker.
# See README.md beside this file.
#
#   s3proxy.sh start [--data DIR] [--port 9000]
#   s3proxy.sh stop  [--data DIR]
#   s3proxy.sh env   [--data DIR] [--port 9000]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
readonly HERE REPO
readonly POM="$HERE/pom.xml"
readonly JAR_CACHE="$REPO/var/s3proxy-local.classpath"
readonly HOST=127.0.0.1
readonly BUCKET=judgefleet-problems
readonly READY_TIMEOUT_S=60
readonly STOP_TIMEOUT_S=20
# A local store of a few problem packages: 256 MiB of heap is plenty.
readonly JVM_OPTS=(-Xms64m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true -DLOG_LEVEL=warn)

data_dir="$REPO/var/s3"
port=9000
java=""
jar=""

say() {
  printf 's3proxy: %s\n' "$*"
}

die() {
  printf 's3proxy: ERROR: %s\n' "$*" >&2
  exit 1
}

usage() {
  printf 'usage:\n' >&2
  sed -n '6,8s/^#   /  /p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
  else
    java="$(command -v java)" || die "java not found: install JDK 17 or set JAVA_HOME"
  fi
  [[ -x "$java" ]] || die "$java is not an executable"
}

# The jar's path in the local Maven repository, resolved (downloaded on first use) by Maven and
# cached until pom.xml changes or the jar is gone.
resolve_jar() {
  find_java
  if [[ ! -s "$JAR_CACHE" || "$POM" -nt "$JAR_CACHE" || ! -f "$(<"$JAR_CACHE")" ]]; then
    command -v mvn >/dev/null || die "mvn not found: install Maven 3.8+"
    say "resolving s3proxy with Maven (the first time downloads its 40 MB jar)"
    mkdir -p "$(dirname "$JAR_CACHE")"
    local tmp="$JAR_CACHE.tmp.$$" out
    if ! out="$(mvn -B -q -f "$POM" dependency:build-classpath -Dmdep.outputFile="$tmp" 2>&1)"; then
      rm -f "$tmp"
      printf '%s\n' "$out" >&2
      die "mvn -f $POM dependency:build-classpath failed (output above)"
    fi
    mv -f "$tmp" "$JAR_CACHE"
  fi
  jar="$(<"$JAR_CACHE")"
}

port_open() {
  (: <>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# The PID in DIR/s3proxy.pid if that process is alive and is the s3proxy of this data directory.
running_pid() {
  local pid_file="$data_dir/s3proxy.pid" pid cmdline
  [[ -f "$pid_file" ]] || return 0
  pid="$(<"$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 0
  if [[ "$cmdline" == *"--properties $data_dir/s3proxy.conf"* ]]; then
    printf '%s\n' "$pid"
  fi
}

# A random secret on the first start, kept in DIR/credentials (0600): the store listens on
# 127.0.0.1 only, but other users of the machine should not read or write the packages.
credentials() {
  if [[ ! -s "$data_dir/credentials" ]]; then
    (
      umask 077
      printf 'judgefleet %s\n' "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
        >"$data_dir/credentials"
    )
  fi
  read -r access_key secret_key <"$data_dir/credentials"
}

write_config() {
  credentials
  mkdir -p "$data_dir/buckets"
  cat >"$data_dir/s3proxy.conf" <<CONF
# Written by deploy/s3proxy/s3proxy.sh on every start: edits here are lost.
s3proxy.endpoint=http://$HOST:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$access_key
s3proxy.credential=$secret_key
jclouds.provider=filesystem-nio2
jclouds.identity=$access_key
jclouds.credential=$secret_key
jclouds.filesystem.basedir=$data_dir/buckets
CONF
  chmod 600 "$data_dir/s3proxy.conf"
}

# Up once the port answers HTTP (any status: an anonymous request gets 403).
wait_ready() {
  local pid="$1" deadline=$((SECONDS + READY_TIMEOUT_S))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 1
    if port_open "$port" &&
      [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$port/" 2>/dev/null)" != 000 ]]; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

cmd_start() {
  mkdir -p "$data_dir"
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    say "already running on $HOST:$port (pid $pid, data $data_dir)"
    return 0
  fi
  port_open "$port" && die "$HOST:$port is already in use (choose another with --port)"
  resolve_jar
  write_config
  [[ -f "$data_dir/s3proxy.log" ]] && mv -f "$data_dir/s3proxy.log" "$data_dir/s3proxy.log.1"
  setsid "$java" "${JVM_OPTS[@]}" -jar "$jar" --properties "$data_dir/s3proxy.conf" \
    </dev/null >"$data_dir/s3proxy.log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$data_dir/s3proxy.pid"
  if ! wait_ready "$pid"; then
    tail -n 30 "$data_dir/s3proxy.log" >&2 || true
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$data_dir/s3proxy.pid"
    die "s3proxy did not come up on $HOST:$port within ${READY_TIMEOUT_S} s"
  fi
  say "ready on http://$HOST:$port (pid $pid, data $data_dir/buckets)"
}

cmd_stop() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$data_dir/s3proxy.pid"
    say "not running (data $data_dir)"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT_S))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$data_dir/s3proxy.pid"
  say "stopped pid $pid"
}

# The worker's and the problems commands' settings for this store, as environment variables.
cmd_env() {
  mkdir -p "$data_dir"
  credentials
  cat <<ENV
JUDGE_PROBLEMS_STORE_ENDPOINT=http://$HOST:$port
JUDGE_PROBLEMS_STORE_BUCKET=$BUCKET
JUDGE_PROBLEMS_STORE_ACCESS_KEY=$access_key
JUDGE_PROBLEMS_STORE_SECRET_KEY=$secret_key
ENV
}

parse_options() {
  local allowed="$1" option value
  shift
  while (($# > 0)); do
    option="$1"
    case "$option" in
    --*=*) value="${option#*=}" option="${option%%=*}" ;;
    --*)
      (($# >= 2)) || die "$option needs a value"
      value="$2"
      shift
      ;;
    *) usage ;;
    esac
    shift
    [[ " $allowed " == *" $option "* ]] || usage
    case "$option" in
    --data) data_dir="$value" ;;
    --port)
      [[ "$value" =~ ^[0-9]+$ ]] && ((value >= 1 && value <= 65535)) || die "--port: not a port: '$value'"
      port="$value"
      ;;
    esac
  done
  [[ "$data_dir" != *\\* ]] || die "--data must not contain a backslash"
  data_dir="$(realpath -m -- "$data_dir")"
}

main() {
  (($# > 0)) || usage
  local command="$1"
  shift
  case "$command" in
  start)
    parse_options "--data --port" "$@"
    cmd_start
    ;;
  stop)
    parse_options "--data" "$@"
    cmd_stop
    ;;
  env)
    parse_options "--data --port" "$@"
    cmd_env
    ;;
  *) usage ;;
  esac
}

main "$@"

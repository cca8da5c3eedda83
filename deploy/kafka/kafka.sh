#!/usr/bin/env bash
# A local Kafka broker for judgefleet's local stack: one JVM that is both a KRaft controller and
# a broker, run from a Maven-resolved classpath (pom.xml beside this file), without Docker. Alone
# by default; with --node-id, --voters and --cluster-id, one member of a cluster of such JVMs
# (`judge up --brokers 3`). See README.md beside this file.
#
#   kafka.sh start  [--data DIR] [--port 9092] [--controller-port 9093] [CLUSTER]
#   kafka.sh run    [--data DIR] [--port 9092] [--controller-port 9093] [CLUSTER]
#   kafka.sh stop   [--data DIR]
#   kafka.sh topics [--port 9092] [--replication-factor 1] NAME[:PARTITIONS[:CONFIG=VALUE,...]]...
#   CLUSTER: --node-id N --voters 1@127.0.0.1:9093,2@127.0.0.1:9095,... --cluster-id ID
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
readonly HERE REPO
readonly POM="$HERE/pom.xml"
readonly LOG4J_CONFIG="$HERE/log4j2.properties"
# Under the repository's git-ignored var/, shared by every data directory.
readonly CLASSPATH_CACHE="$REPO/var/kafka-local.classpath"
readonly HOST=127.0.0.1
# Several brokers starting at once on two cores take longer: KAFKA_READY_TIMEOUT_S.
readonly READY_TIMEOUT_S="${KAFKA_READY_TIMEOUT_S:-60}"
readonly STOP_TIMEOUT_S=30
# A local broker holds a few topics of small JSON messages: 512 MiB is plenty, and the
# default 1 GiB heap of Kafka's own scripts is a lot on a 2-core developer machine.
# An OutOfMemoryError exits the JVM, so `judge up` sees a dead broker, not a limping one.
# No -Xlog:gc: GC logs stay off (Kafka's scripts turn them on).
readonly BROKER_JVM_OPTS=(-Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20
  -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true)
# The CLI tools live for a second: C1 only and the serial GC start them faster.
readonly TOOL_JVM_OPTS=(-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  -Djava.awt.headless=true -Dkafkalocal.log.level=WARN)

data_dir="$REPO/var/kafka"
port=9092
controller_port=9093
# Cluster membership: empty for a broker on its own.
node_id=""
voters=""
cluster_id=""
replication_factor=1
topic_specs=()
topic_config_args=()
java=""
classpath=""

# Everything the script says starts with "kafka:" so it stands out in `judge up`'s output.
say() {
  printf 'kafka: %s\n' "$*"
}

# Errors go to stderr and end the script: every caller treats a failure as final.
die() {
  printf 'kafka: ERROR: %s\n' "$*" >&2
  exit 1
}

# The usage text, shown on a bad command line.
usage() {
  printf 'usage:\n' >&2
  sed -n '7,11s/^#   /  /p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

# Kafka 4 needs Java 17+; JAVA_HOME wins over PATH, as in Kafka's own scripts.
find_java() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
  else
    java="$(command -v java)" || die "java not found: install JDK 17 or set JAVA_HOME"
  fi
  [[ -x "$java" ]] || die "$java is not an executable"
}

# The cached classpath is good while pom.xml is not newer than it and every jar it lists is
# still in the local Maven repository (a wiped ~/.m2 must not give a ClassNotFoundException).
classpath_is_fresh() {
  local jar
  [[ -s "$CLASSPATH_CACHE" && ! "$POM" -nt "$CLASSPATH_CACHE" ]] || return 1
  local -a jars
  IFS=: read -r -a jars <"$CLASSPATH_CACHE"
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 1
  done
}

# Resolves the broker's runtime classpath with Maven (downloading the jars on first use) and
# caches it, so only the first start pays for Maven. Finds java too: both are needed by
# everything that runs Kafka code.
resolve_classpath() {
  find_java
  if ! classpath_is_fresh; then
    command -v mvn >/dev/null || die "mvn not found: install Maven 3.8+"
    say "resolving the broker's classpath with Maven (the first time downloads ~60 MB of jars)"
    mkdir -p "$(dirname "$CLASSPATH_CACHE")"
    local tmp="$CLASSPATH_CACHE.tmp.$$" out
    if ! out="$(mvn -B -q -f "$POM" dependency:build-classpath -Dmdep.outputFile="$tmp" 2>&1)"; then
      rm -f "$tmp"
      printf '%s\n' "$out" >&2
      die "mvn -f $POM dependency:build-classpath failed (output above)"
    fi
    # Rename, so a concurrent start never reads a half-written file.
    mv -f "$tmp" "$CLASSPATH_CACHE"
  fi
  classpath="$(<"$CLASSPATH_CACHE")"
}

# Runs a short-lived Kafka command-line tool (StorageTool, TopicCommand) quietly.
run_tool() {
  "$java" "${TOOL_JVM_OPTS[@]}" -Dlog4j2.configurationFile="$LOG4J_CONFIG" \
    -cp "$classpath" "$@"
}

# The broker's command line, shared by start (background) and run (exec).
broker_command=()
set_broker_command() {
  broker_command=("$java" "${BROKER_JVM_OPTS[@]}"
    -Dlog4j2.configurationFile="$LOG4J_CONFIG" -cp "$classpath"
    kafka.Kafka "$data_dir/server.properties")
}

# True when something accepts TCP connections on HOST:$1 (bash's /dev/tcp, no netcat needed).
port_open() {
  (: <>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# Prints the PID in DATA/broker.pid if that process is alive and is the broker of this data
# directory; a stale file (crash, reboot, a recycled PID) prints nothing.
running_pid() {
  local pid_file="$data_dir/broker.pid" pid cmdline
  [[ -f "$pid_file" ]] || return 0
  pid="$(<"$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 0
  if [[ "$cmdline" == *"kafka.Kafka $data_dir/server.properties"* ]]; then
    printf '%s\n' "$pid"
  fi
}

# The PLAINTEXT port a running broker was started with (from its server.properties), which
# may differ from this invocation's --port.
running_port() {
  sed -n 's|^advertised.listeners=PLAINTEXT://[^:]*:\([0-9]*\)$|\1|p' "$data_dir/server.properties"
}

# Writes the KRaft configuration. Rewritten on every start so that the ports given on the
# command line are the ones used; the data in DIR/logs does not depend on them.
write_config() {
  if [[ -n "$voters" ]]; then
    write_cluster_config
  else
    write_single_config
  fi
}

write_single_config() {
  cat >"$data_dir/server.properties" <<EOF
# Written by deploy/kafka/kafka.sh on every start: edits here are lost.
# One JVM is both the KRaft controller (a single-voter quorum) and the broker.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://$HOST:$port,CONTROLLER://$HOST:$controller_port
advertised.listeners=PLAINTEXT://$HOST:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.bootstrap.servers=$HOST:$controller_port
log.dirs=$data_dir/logs

# One broker: every replication factor and ISR minimum is 1.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
$(common_config)
EOF
}

# A cluster member: a static quorum of every member's controller (controller.quorum.voters), and
# replication that survives one member down: 3 copies, a write needs 2.
write_cluster_config() {
  local members
  members="$(tr ',' '\n' <<<"$voters" | grep -c .)"
  local replicas=$((members < 3 ? members : 3))
  local isr=$((replicas > 1 ? replicas - 1 : 1))
  cat >"$data_dir/server.properties" <<EOF
# Written by deploy/kafka/kafka.sh on every start: edits here are lost.
# One JVM is both a KRaft controller (one voter of $members) and a broker.
process.roles=broker,controller
node.id=$node_id
listeners=PLAINTEXT://$HOST:$port,CONTROLLER://$HOST:$controller_port
advertised.listeners=PLAINTEXT://$HOST:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.voters=$voters
log.dirs=$data_dir/logs

# $replicas copies of everything; a write is acknowledged (acks=all) once $isr have it, so one
# member may be down without stopping producers.
default.replication.factor=$replicas
min.insync.replicas=$isr
offsets.topic.replication.factor=$replicas
transaction.state.log.replication.factor=$replicas
transaction.state.log.min.isr=$isr
share.coordinator.state.topic.replication.factor=$replicas
share.coordinator.state.topic.min.isr=$isr
$(common_config)
EOF
}

common_config() {
  cat <<EOF

# Topics are created on purpose (kafka.sh topics, the k8s KafkaTopic resources), never by a
# typo in a producer; a group's first rebalance does not wait 3 s for more members.
auto.create.topics.enable=false
num.partitions=1
group.initial.rebalance.delay.ms=0
EOF
}

# Formats DIR/logs on first start only: Kafka refuses to start on unformatted storage, and
# formatting again would fail (or, forced, lose the topics). --standalone makes this node
# the only voter of a dynamic quorum, as controller.quorum.bootstrap.servers requires.
format_storage_once() {
  if [[ -f "$data_dir/logs/meta.properties" ]]; then
    return 0
  fi
  local out
  # Cluster members share the ID they are given; a lone broker makes its own.
  [[ -n "$cluster_id" ]] || cluster_id="$(new_cluster_id)"
  # A static quorum (controller.quorum.voters) is formatted as it is; a lone broker's dynamic
  # quorum needs --standalone.
  local -a quorum=(--standalone)
  [[ -z "$voters" ]] || quorum=()
  if ! out="$(run_tool kafka.tools.StorageTool format "${quorum[@]}" \
    --cluster-id="$cluster_id" --config "$data_dir/server.properties" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "formatting $data_dir/logs failed (output above)"
  fi
  say "formatted $data_dir/logs (cluster id $cluster_id)"
}

# A cluster ID is 16 random bytes in URL-safe base64 without padding, as Kafka's
# Uuid.randomUuid() makes it (and, like it, never starting with '-', which reads as an option);
# generated here to save a JVM start.
new_cluster_id() {
  local id="-"
  while [[ "$id" == -* ]]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  printf '%s\n' "$id"
}

# Fails early with a clear message rather than letting the broker die on "Address already
# in use" in its log.
check_ports_free() {
  local p
  for p in "$port" "$controller_port"; do
    if port_open "$p"; then
      die "$HOST:$p is already in use (another broker? kafka.sh stop --data DIR, or choose --port/--controller-port)"
    fi
  done
}

# Prints the end of the broker's log, for a start that failed.
log_tail() {
  printf 'kafka: last lines of %s:\n' "$data_dir/broker.log" >&2
  tail -n 40 "$data_dir/broker.log" >&2 || true
}

# Waits until the broker serves requests: the port accepting connections is not enough (the
# socket opens before the metadata is loaded), so a TopicCommand --list must succeed too.
# Returns 1 on timeout, with the last probe's output in probe_output; dies at once if the
# broker process exits.
probe_output=""
wait_ready() {
  local pid="$1" deadline=$((SECONDS + READY_TIMEOUT_S)) remaining
  until port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail
      rm -f "$data_dir/broker.pid"
      die "the broker (pid $pid) exited during start-up"
    fi
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  while :; do
    remaining=$((deadline - SECONDS))
    ((remaining > 0)) || return 1
    if probe_output="$(timeout "$remaining" "$java" "${TOOL_JVM_OPTS[@]}" \
      -Dlog4j2.configurationFile="$LOG4J_CONFIG" -cp "$classpath" \
      org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$port" --list 2>&1)"; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
}

# SIGTERM lets Kafka flush and close its logs (a clean shutdown skips log recovery on the
# next start); SIGKILL only if it hangs.
stop_pid() {
  local pid="$1" deadline=$((SECONDS + STOP_TIMEOUT_S))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      say "pid $pid still alive after ${STOP_TIMEOUT_S} s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
      return 0
    fi
    sleep 0.2
  done
}

# Shared by start and run: a broker already running from DIR is reported, not doubled.
# True (after waiting for it to be ready) if one is; false if none is.
already_running() {
  local pid running
  pid="$(running_pid)"
  [[ -n "$pid" ]] || return 1
  resolve_classpath
  running="$(running_port)"
  if [[ "$running" != "$port" ]]; then
    die "a broker from $data_dir is already running on $HOST:$running (pid $pid); stop it first to use port $port"
  fi
  if ! wait_ready "$pid"; then
    printf '%s\n' "$probe_output" >&2
    die "a broker from $data_dir is running (pid $pid) but not answering on $HOST:$port"
  fi
  say "already running on $HOST:$port (pid $pid, data $data_dir)"
}

# Prepares DIR (config, storage, classpath) for start and run.
prepare() {
  check_ports_free
  resolve_classpath
  mkdir -p "$data_dir"
  write_config
  format_storage_once
  set_broker_command
}

# kafka.sh start: the broker in the background, its output in DIR/broker.log; returns once
# it serves requests.
cmd_start() {
  already_running && return 0
  prepare
  # One previous log is kept, for a crash that the restart is meant to get past.
  if [[ -f "$data_dir/broker.log" ]]; then
    mv -f "$data_dir/broker.log" "$data_dir/broker.log.1"
  fi
  # setsid: a Ctrl-C in the terminal that ran `kafka.sh start` does not reach the broker.
  setsid "${broker_command[@]}" </dev/null >"$data_dir/broker.log" 2>&1 &
  local pid=$!
  printf '%s\n' "$pid" >"$data_dir/broker.pid"
  if ! wait_ready "$pid"; then
    log_tail
    printf 'kafka: last readiness probe (TopicCommand --list):\n%s\n' "$probe_output" >&2
    stop_pid "$pid"
    rm -f "$data_dir/broker.pid"
    die "the broker did not come up on $HOST:$port within ${READY_TIMEOUT_S} s (stopped it)"
  fi
  say "ready on $HOST:$port (pid $pid, data $data_dir)"
}

# kafka.sh run: the broker in the foreground, for a supervisor (`judge up`). exec makes the
# JVM this process, so SIGTERM and Ctrl-C reach Kafka's shutdown hook directly.
cmd_run() {
  if already_running; then
    die "not starting a second broker in the foreground"
  fi
  prepare
  printf '%s\n' "$$" >"$data_dir/broker.pid"
  say "running in the foreground on $HOST:$port (pid $$, data $data_dir); logs on stdout"
  exec "${broker_command[@]}"
}

# kafka.sh stop.
cmd_stop() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$data_dir/broker.pid"
    say "not running (data $data_dir)"
    return 0
  fi
  local started=$SECONDS
  stop_pid "$pid"
  rm -f "$data_dir/broker.pid"
  say "stopped pid $pid in $((SECONDS - started)) s (data $data_dir)"
}

# Splits CONFIG=VALUE,... into TopicCommand --config arguments (in topic_config_args). A
# piece without '=' belongs to the previous value, so list values survive:
# cleanup.policy=compact,delete.
split_topic_configs() {
  local -a pieces
  local piece
  topic_config_args=()
  [[ -n "$1" ]] || return 0
  IFS=, read -r -a pieces <<<"$1"
  for piece in "${pieces[@]}"; do
    if [[ "$piece" =~ ^[A-Za-z0-9._-]+=. ]]; then
      topic_config_args+=("--config" "$piece")
    elif ((${#topic_config_args[@]} > 0)) && [[ "$piece" != *=* ]]; then
      topic_config_args[-1]="${topic_config_args[-1]},$piece"
    else
      die "bad topic config '$1': expected CONFIG=VALUE[,CONFIG=VALUE...]"
    fi
  done
}

# kafka.sh topics: creates the topics that are missing. One --list first, so a rerun costs
# one JVM start rather than one per topic; --if-not-exists covers a concurrent creator.
# Existing topics are left as they are (partitions and configs are not changed).
cmd_topics() {
  ((${#topic_specs[@]} > 0)) || usage
  local spec name partitions configs
  for spec in "${topic_specs[@]}"; do
    IFS=: read -r name partitions configs <<<"$spec"
    [[ "$name" =~ ^[A-Za-z0-9._-]{1,249}$ ]] || die "bad topic name in '$spec'"
    [[ -z "$partitions" || "$partitions" =~ ^[1-9][0-9]*$ ]] || die "bad partition count in '$spec'"
    split_topic_configs "$configs"
  done
  port_open "$port" || die "no broker on $HOST:$port (kafka.sh start --port $port)"
  resolve_classpath
  local existing
  existing="$(run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$port" --list)" ||
    die "listing the topics on $HOST:$port failed"
  for spec in "${topic_specs[@]}"; do
    IFS=: read -r name partitions configs <<<"$spec"
    if grep -qxF -- "$name" <<<"$existing"; then
      say "topic $name exists (left unchanged)"
      continue
    fi
    split_topic_configs "$configs"
    run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$port" \
      --create --if-not-exists --topic "$name" --partitions "${partitions:-1}" \
      --replication-factor "$replication_factor" "${topic_config_args[@]}" >/dev/null ||
      die "creating topic $name on $HOST:$port failed"
    say "topic $name created (partitions ${partitions:-1}, replicas $replication_factor${configs:+, $configs})"
  done
}

# Checks a port number given on the command line.
valid_port() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (($2 < 1 || $2 > 65535)); then
    die "$1: not a port number: '$2'"
  fi
}

# Parses the options of a subcommand; $1 lists the options it accepts. Non-options are
# topic specs (only `topics` accepts them).
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
    -*) usage ;;
    *)
      [[ " $allowed " == *" SPEC "* ]] || usage
      topic_specs+=("$option")
      shift
      continue
      ;;
    esac
    shift
    [[ " $allowed " == *" $option "* ]] || usage
    case "$option" in
    --data) data_dir="$value" ;;
    --port)
      valid_port "$option" "$value"
      port="$value"
      ;;
    --controller-port)
      valid_port "$option" "$value"
      controller_port="$value"
      ;;
    --node-id)
      [[ "$value" =~ ^[1-9][0-9]{0,3}$ ]] || die "--node-id: not a node id: '$value'"
      node_id="$value"
      ;;
    --voters)
      [[ "$value" =~ ^[0-9]+@[A-Za-z0-9.-]+:[0-9]+(,[0-9]+@[A-Za-z0-9.-]+:[0-9]+)*$ ]] ||
        die "--voters: expected ID@HOST:PORT[,ID@HOST:PORT...], got '$value'"
      voters="$value"
      ;;
    --cluster-id)
      [[ "$value" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "--cluster-id: not a Kafka cluster id: '$value'"
      cluster_id="$value"
      ;;
    --replication-factor)
      [[ "$value" =~ ^[1-9]$ ]] || die "--replication-factor: expected 1..9, got '$value'"
      replication_factor="$value"
      ;;
    esac
  done
  [[ "$port" != "$controller_port" ]] || die "--port and --controller-port must differ"
  if [[ -n "$node_id$voters$cluster_id" && (-z "$node_id" || -z "$voters" || -z "$cluster_id") ]]; then
    die "a cluster member needs all of --node-id, --voters and --cluster-id"
  fi
  [[ -z "$voters" || ",$voters," == *",$node_id@$HOST:$controller_port,"* ]] ||
    die "--voters must name this member as $node_id@$HOST:$controller_port"
  # server.properties is a Java properties file: a backslash would be read as an escape.
  [[ "$data_dir" != *\\* ]] || die "--data must not contain a backslash"
  # An absolute path: the PID check matches it against the broker's command line.
  data_dir="$(realpath -m -- "$data_dir")"
}

# Dispatches the subcommand.
main() {
  (($# > 0)) || usage
  local command="$1"
  shift
  case "$command" in
  start)
    parse_options "--data --port --controller-port --node-id --voters --cluster-id" "$@"
    cmd_start
    ;;
  run)
    parse_options "--data --port --controller-port --node-id --voters --cluster-id" "$@"
    cmd_run
    ;;
  stop)
    parse_options "--data" "$@"
    cmd_stop
    ;;
  topics)
    parse_options "--port --replication-factor SPEC" "$@"
    cmd_topics
    ;;
  -h | --help | help) usage ;;
  *) usage ;;
  esac
}

main "$@"

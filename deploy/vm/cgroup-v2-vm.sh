#!/usr/bin/env bash
# cgroup-v2-vm.sh: run ONE command as root inside a throwaway QEMU VM that has a pure cgroup v2
# hierarchy, and hand its output and exit status back.
#
# Why: our build hosts run cgroups in "hybrid" mode (v1 controllers), so the cgroup v2 backend of
# the sandbox can only be exercised on a real v2 kernel. The VM boots Debian's own kernel under
# TCG (software emulation; no KVM needed), sees the host's / read-only over virtio-9p, mounts only
# cgroup2 at /sys/fs/cgroup, cds into the caller's working directory and runs the command there.
#
# Usage: cgroup-v2-vm.sh [--memory 3G] [--cpus 2] [--timeout 900] [--workdir DIR]
#                        [--writable DIR]... [--env NAME=VALUE]... [--verbose] -- COMMAND [ARGS...]
#
# Exit status: COMMAND's own; 124 if --timeout hit; 125 if the VM did not boot, COMMAND never
# started, or this script was misused.
#
# Plumbing: the guest's serial console (ttyS0) goes to a log file, from which the markers
# @@STARTED@@ and @@EXIT=n@@ are parsed. COMMAND's stdout and stderr go to two virtio-serial ports
# (/dev/virtio-ports/stdout, .../stderr in the guest; 20 MB in 0.3 s, a TCG serial port: 10 s/MB),
# which qemu writes to files that are copied to our stdout and stderr as they grow.

set -euo pipefail

readonly PROG=${0##*/}
readonly EXIT_TIMEOUT=124
readonly EXIT_VM_FAILED=125

# Debian packages the script needs; installed on first use (CI machines start clean).
readonly PACKAGES=(qemu-system-x86 linux-image-amd64 busybox-static cpio xz-utils)

# Kernel modules for the 9p share, the virtio-serial ports and --writable (overlay), in load
# order (dependencies first). Ones that are built into the kernel, or do not exist in a given
# kernel version, are skipped. (After switch_root, the guest kernel loads any other module on
# demand with the host's modprobe, from /lib/modules/<version> on the shared root.)
readonly MODULES=(virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci
                  netfs fscache 9pnet 9pnet_virtio 9p virtio_console overlay)

# Paths of the shared (read-only) host root that get a fresh tmpfs in the guest, with their modes.
# /root is there because Java/JNA write caches below $HOME.
readonly TMPFS_DIRS=(tmp:1777 run:0755 var/tmp:1777 root:0700)

memory=3G
cpus=2
timeout_s=900
workdir=$PWD
verbose=0
extra_env=()
writable=()

tmp=''        # scratch directory, removed on exit
vm_pid=''     # PID of the `timeout` process wrapping qemu (it forwards signals to qemu)
tail_pids=()  # PIDs of the `tail -f` processes copying the guest's stdout/stderr to ours

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { log "$*"; exit "$EXIT_VM_FAILED"; }

usage() {
  cat >&2 <<EOF
usage: $PROG [--memory 3G] [--cpus 2] [--timeout 900] [--workdir DIR]
       [--writable DIR]... [--env NAME=VALUE]... [--verbose] -- COMMAND [ARGS...]
EOF
  exit "$EXIT_VM_FAILED"
}

parse_args() {
  while (($#)); do
    case $1 in
      --memory) memory=${2:?}; shift 2 ;;
      --cpus) cpus=${2:?}; shift 2 ;;
      --timeout) timeout_s=${2:?}; shift 2 ;;
      --workdir) workdir=${2:?}; shift 2 ;;
      --writable) writable+=("${2:?}"); shift 2 ;;
      --env) extra_env+=("${2:?}"); shift 2 ;;
      --verbose | -v) verbose=1; shift ;;
      --) shift; break ;;
      -h | --help) usage ;;
      *) log "unknown option: $1"; usage ;;
    esac
  done
  (($#)) || { log "no COMMAND given"; usage; }
  command_args=("$@")

  [[ $memory =~ ^[0-9]+[MG]?$ ]] || die "bad --memory: $memory"
  [[ $cpus =~ ^[1-9][0-9]*$ ]] || die "bad --cpus: $cpus"
  [[ $timeout_s =~ ^[1-9][0-9]*$ ]] || die "bad --timeout (whole seconds): $timeout_s"
  local e
  for e in "${extra_env[@]}"; do
    [[ $e =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "bad --env (want NAME=VALUE): $e"
  done
  # The guest reads the directory name from a file line by line, and sees the host's directories.
  [[ $workdir != *$'\n'* ]] || die "--workdir must not contain a newline"
  local dir=$workdir
  workdir=$(cd -- "$dir" 2>/dev/null && pwd -P) || die "no such --workdir: $dir"
  local i spec
  for i in "${!writable[@]}"; do
    spec=${writable[i]}
    writable[i]=$(cd -- "$spec" 2>/dev/null && pwd -P) || die "no such --writable: $spec"
    # overlayfs takes the path inside a comma/colon-separated option string.
    [[ ${writable[i]} != *[,:$'\n']* ]] || die "--writable path must not contain , : or newline"
    [[ ${writable[i]} != / ]] || die "--writable / is not supported"
    # Below the working directory is fine: the guest puts the host's working directory back on
    # top of its tmpfs (see the "held" directory in stage 1), so the path exists there.
    [[ ${writable[i]}/ == "$workdir"/* ]] && continue
    for spec in "${TMPFS_DIRS[@]}"; do
      [[ ${writable[i]}/ != /${spec%%:*}/* ]] \
        || die "--writable ${writable[i]}: /${spec%%:*} is an empty tmpfs in the guest"
    done
  done
}

# Installs what is missing, quietly; apt runs at most once per machine.
ensure_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
      || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  ((EUID == 0)) || die "missing packages (install them as root): ${missing[*]}"
  log "installing ${missing[*]} ..."
  local apt_log=$tmp/apt.log
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet, so update once if the first try fails.
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1; then
    apt-get update -qq >>"$apt_log" 2>&1 || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1 \
      || { tail -n 20 "$apt_log" >&2; die "apt-get install failed"; }
  fi
}

# Newest Debian kernel in /boot whose modules are installed. (The running host kernel may be a
# custom one without modules or 9p, so it is deliberately not used.)
pick_kernel() {
  local v best=''
  for v in $(find /boot -maxdepth 1 -name 'vmlinuz-*' -printf '%f\n' | sed 's/^vmlinuz-//' \
             | sort -V); do
    [[ -f /lib/modules/$v/modules.dep ]] && best=$v
  done
  [[ -n $best ]] || die "no /boot/vmlinuz-* with /lib/modules/<version>; is linux-image-amd64 installed?"
  kver=$best
  kernel=/boot/vmlinuz-$kver
}

# Debian's bzImage is XZ-compressed, and under TCG the guest needs ~2.5 s just to unpack itself;
# the host does it in ~0.6 s. The unpacked vmlinux is an ELF that qemu boots through its PVH entry
# point. Anything unexpected falls back to booting the bzImage as it is.
prepare_kernel() {
  boot_image=$kernel
  boot_mode=bzImage
  grep -q '^CONFIG_PVH=y' "/boot/config-$kver" 2>/dev/null || return 0
  local offset
  offset=$(LC_ALL=C grep -obUaP -m 1 '\xfd7zXZ\x00' "$kernel" | head -n 1 | cut -d: -f1) || true
  [[ -n $offset ]] || return 0
  # (xz stops at the end of its stream, so tail may die of SIGPIPE: keep tail out of the status.)
  if xz -dc --single-stream <(tail -c +"$((offset + 1))" "$kernel") >"$tmp/vmlinux" 2>/dev/null \
     && [[ $(head -c 4 "$tmp/vmlinux" | od -An -c | tr -d ' ') == '177ELF' ]]; then
    boot_image=$tmp/vmlinux
    boot_mode=PVH
  fi
}

# Copies one module (decompressed: busybox insmod cannot read .ko.xz/.ko.zst) into the
# initramfs, or says why it was skipped.
add_module() {
  local name=$1 dest=$2 moddir=/lib/modules/$kver rel
  rel=$(grep -E "(^|/)${name}\.ko(\.xz|\.zst|\.gz)?:" "$moddir/modules.dep" | head -n 1 | cut -d: -f1)
  if [[ -z $rel ]]; then
    if grep -qE "(^|/)${name}\.ko$" "$moddir/modules.builtin" 2>/dev/null; then
      module_notes+=("$name:built-in")
    else
      module_notes+=("$name:absent")
    fi
    return 0
  fi
  case $rel in
    *.ko.xz) xz -dc "$moddir/$rel" >"$dest/$name.ko" ;;
    *.ko.zst)
      command -v zstd >/dev/null || die "$rel is zstd-compressed: apt-get install zstd"
      zstd -qdc "$moddir/$rel" >"$dest/$name.ko" ;;
    *.ko.gz) gzip -dc "$moddir/$rel" >"$dest/$name.ko" ;;
    *) cp "$moddir/$rel" "$dest/$name.ko" ;;
  esac
  echo "$name" >>"$dest/order"
  module_notes+=("$name:module")
}

# Stage 1, PID 1 in the initramfs (busybox sh): load the 9p modules, mount the host root
# read-only, put the guest's own tmpfs/proc/sys/dev/cgroup2 mounts on top and switch_root into it.
write_stage1() {
  cat >"$1" <<'STAGE1'
#!/bin/busybox sh
export PATH=/bin
/bin/busybox --install -s /bin

fail() {
  echo "@@VMFAIL $*@@"
  sleep 1  # let the console drain before the power goes
  poweroff -f
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys

while read -r m; do
  insmod "/modules/$m.ko" || fail "insmod $m"
done </modules/order

# cache=loose: the share is read-only and nothing on the host changes under a test run, so let
# the guest cache pages and metadata (Java start-up is several times faster than cache=none).
# msize=512000 is the largest the virtio transport accepts.
mount -t 9p -o ro,trans=virtio,version=9p2000.L,msize=512000,cache=loose hostroot /newroot \
  || fail "mount 9p"

# If the working directory lies under a path that gets a tmpfs below, keep a handle on the host's
# version of it and put it back on top afterwards (read-only, like the rest).
read -r workdir </vm/workdir
held=''
while read -r spec; do
  case $workdir in "/${spec%%:*}"/*)
    mkdir -p /held && mount --bind "/newroot$workdir" /held && held=$workdir ;;
  esac
done </vm/tmpfs_dirs

while read -r spec; do
  mount -t tmpfs -o "mode=${spec##*:},nosuid,nodev" tmpfs "/newroot/${spec%%:*}" \
    || fail "tmpfs ${spec%%:*}"
done </vm/tmpfs_dirs
if [ -n "$held" ]; then
  mkdir -p "/newroot$held" || fail "mkdir $held"
  mount --move /held "/newroot$held" || fail "keep $held"
fi

# --writable: overlayfs with its upper layer in the guest's /run (tmpfs), so writes succeed but
# never reach the host and are gone at power-off.
n=0
while read -r dir; do
  n=$((n + 1))
  rw=/newroot/run/vm/rw/$n
  mkdir -p "$rw/upper" "$rw/work"
  mount -t overlay -o "lowerdir=/newroot$dir,upperdir=$rw/upper,workdir=$rw/work" overlay \
    "/newroot$dir" || fail "overlay on $dir"
done </vm/writable

mount -t proc -o nosuid,nodev,noexec proc /newroot/proc || fail "proc"
mount -t sysfs -o nosuid,nodev,noexec sysfs /newroot/sys || fail "sysfs"
# Only cgroup2, with the options systemd uses on unified hosts; no v1 hierarchies at all.
mount -t cgroup2 -o nosuid,nodev,noexec,nsdelegate,memory_recursiveprot cgroup2 \
  /newroot/sys/fs/cgroup || fail "cgroup2"
mount -t devtmpfs -o nosuid,mode=0755 devtmpfs /newroot/dev || fail "devtmpfs"
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts -o nosuid,noexec,gid=5,mode=0620,ptmxmode=0666 devpts /newroot/dev/pts || fail "devpts"
mount -t tmpfs -o nosuid,nodev,mode=1777 shm /newroot/dev/shm || fail "shm"
# What udev would do: /dev/virtio-ports/<name> for each virtio-serial port.
mkdir -p /newroot/dev/virtio-ports
for port in /sys/class/virtio-ports/*; do
  [ -e "$port/name" ] || continue
  ln -s "../${port##*/}" "/newroot/dev/virtio-ports/$(cat "$port/name")"
done

# Stage 2 and a busybox it can rely on (the host root is not guaranteed to have one).
mkdir -p /newroot/run/vm
cp /bin/busybox /vm/stage2 /vm/job /newroot/run/vm/ || fail "copy stage2"

umount /proc /sys
# switch_root MS_MOVEs /newroot onto / (a plain chroot would leave the initramfs as the real
# root, and pivot_root(2) in the sandbox would then fail with EINVAL).
exec switch_root /newroot /bin/bash /run/vm/stage2
STAGE1
}

# Stage 2, PID 1 after switch_root (bash from the host root): run COMMAND and report.
write_stage2() {
  cat >"$1" <<'STAGE2'
#!/bin/bash
# shellcheck disable=SC2154  # JOB_* come from /run/vm/job, written by the host script
bb=/run/vm/busybox

# Markers go through printk, which writes the console synchronously, so they are out before the
# power-off. Level <2> passes the `quiet` console filter.
mark() { echo "<2>$*" >/dev/kmsg; }
uptime_s() { local up _; read -r up _ </proc/uptime; echo "$up"; }
power_off() { "$bb" poweroff -f; }

# shellcheck source=/dev/null
source /run/vm/job

"$bb" hostname "$JOB_HOSTNAME"
"$bb" ip link set lo up
# systemd hosts (where the sandbox really runs) have / mounted shared; be like them.
"$bb" mount --make-rshared /

if ! cd -- "$JOB_WORKDIR"; then
  mark "@@NOSTART@@ cannot cd to $JOB_WORKDIR"
  power_off
fi
mark "@@STARTED@@ uptime=$(uptime_s)"
# Only the job's environment, and the host's own programs (not busybox applets, which
# `busybox env` would prefer).
(
  for name in $(compgen -e); do unset "$name"; done
  export "${JOB_ENV[@]}" PWD="$JOB_WORKDIR"
  exec "${JOB_CMD[@]}"
) </dev/null >/dev/virtio-ports/stdout 2>/dev/virtio-ports/stderr
rc=$?
# Blocking writes to a virtio-serial port return once qemu has taken the data, so nothing is
# still in flight when the power goes.
mark "@@EXIT=$rc@@ uptime=$(uptime_s)"
power_off
STAGE2
}

# What stage 2 needs to know, as bash assignments (printf %q quotes anything safely).
write_job() {
  local env=("PATH=$PATH" "HOME=/root")
  [[ -n ${JAVA_HOME:-} ]] && env+=("JAVA_HOME=$JAVA_HOME")
  env+=("${extra_env[@]}")
  {
    printf 'JOB_WORKDIR=%q\n' "$workdir"
    printf 'JOB_HOSTNAME=%q\n' "$(hostname 2>/dev/null || echo cgroup-v2-vm)"
    printf 'JOB_ENV=('; printf '%q ' "${env[@]}"; printf ')\n'
    printf 'JOB_CMD=('; printf '%q ' "${command_args[@]}"; printf ')\n'
  } >"$1"
}

build_initramfs() {
  local root=$tmp/initramfs
  mkdir -p "$root"/{bin,proc,sys,newroot,modules,vm}
  cp /bin/busybox "$root/bin/busybox"
  module_notes=()
  local m
  for m in "${MODULES[@]}"; do add_module "$m" "$root/modules"; done
  touch "$root/modules/order"
  write_stage1 "$root/init"
  write_stage2 "$root/vm/stage2"
  write_job "$root/vm/job"
  printf '%s\n' "$workdir" >"$root/vm/workdir"
  printf '%s\n' "${TMPFS_DIRS[@]}" >"$root/vm/tmpfs_dirs"
  printf '%s\n' "${writable[@]}" | sed '/^$/d' >"$root/vm/writable"
  chmod 0755 "$root/init" "$root/vm/stage2"
  (cd "$root" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1) >"$tmp/initrd.gz"
  ((verbose)) && log "modules: ${module_notes[*]}"
  return 0
}

# shellcheck disable=SC2317  # trap handlers: shellcheck cannot see them being called
cleanup() {
  # Only what this script started, by PID.
  if [[ -n $vm_pid ]] && kill -0 "$vm_pid" 2>/dev/null; then
    kill -TERM "$vm_pid" 2>/dev/null || true
    wait "$vm_pid" 2>/dev/null || true
  fi
  local p
  for p in "${tail_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -n $tmp ]] && rm -rf -- "$tmp"
}

# shellcheck disable=SC2317
on_signal() { log "interrupted"; exit "$1"; }

run_vm() {
  local console=$tmp/console.log out=$tmp/stdout err=$tmp/stderr
  : >"$console"; : >"$out"; : >"$err"

  # The outer `timeout` bounds everything (boot included), so a hung guest cannot hang the
  # caller; it kills only its own child, qemu (then SIGKILL 10 s later if needed).
  timeout --kill-after=10 "$timeout_s" \
    qemu-system-x86_64 \
      -machine q35 -accel tcg -cpu max -smp "$cpus" -m "$memory" \
      -display none -nodefaults -no-reboot \
      -kernel "$boot_image" -initrd "$tmp/initrd.gz" \
      -append 'console=ttyS0 quiet panic=-1 printk.devkmsg=on mitigations=off' \
      -serial "file:$console" \
      -device virtio-serial-pci \
      -chardev "file,id=stdout,path=$out" -device virtserialport,chardev=stdout,name=stdout \
      -chardev "file,id=stderr,path=$err" -device virtserialport,chardev=stderr,name=stderr \
      -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
      </dev/null >"$tmp/qemu.log" 2>&1 &
  vm_pid=$!

  # Stream COMMAND's output while it runs; tail exits once qemu is gone and the files are read.
  tail -q -n +1 -s 0.2 -f --pid="$vm_pid" "$out" &
  tail_pids+=($!)
  tail -q -n +1 -s 0.2 -f --pid="$vm_pid" "$err" >&2 &
  tail_pids+=($!)
  if ((verbose)); then
    tail -q -n +1 -s 0.2 -f --pid="$vm_pid" "$console" | sed 's/^/[console] /' >&2 &
    tail_pids+=($!)
  fi

  vm_rc=0
  wait "$vm_pid" || vm_rc=$?
  vm_pid=''
  local p
  for p in "${tail_pids[@]}"; do wait "$p" || true; done
  tail_pids=()
}

# Sets rc from the markers on the console, explains failures, and says how long things took.
report() {
  local console=$tmp/console.log started exit_line
  started=$(grep -ao '@@STARTED@@ uptime=[0-9.]*' "$console" | tail -n 1 || true)
  exit_line=$(grep -ao '@@EXIT=[0-9]*@@ uptime=[0-9.]*' "$console" | tail -n 1 || true)

  local total timing
  total=$(awk -v s="$start_time" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
  if [[ -n $started && -n $exit_line ]]; then
    # Guest uptimes give the command's run time; the rest of the host's wall time is what the
    # caller paid for the VM (host prep + firmware + kernel + init + power-off).
    timing=$(awk -v t0="${started#*uptime=}" -v t1="${exit_line#*uptime=}" -v total="$total" \
      'BEGIN { printf "boot %.1fs, command %.1fs, total %.1fs", total - (t1 - t0), t1 - t0, total }')
  elif [[ -n $started ]]; then
    timing="command started at guest uptime ${started#*uptime=}s, total ${total}s"
  else
    timing="total ${total}s"
  fi

  if [[ $vm_rc == 124 || $vm_rc == 137 ]]; then
    rc=$EXIT_TIMEOUT
    if [[ -n $started ]]; then
      log "timed out after ${timeout_s}s while the command ran"
    else
      log "timed out after ${timeout_s}s before the command started; console tail:"
      tr -d '\r' <"$console" | tail -n 25 >&2
    fi
  elif [[ -n $exit_line ]]; then
    rc=${exit_line#@@EXIT=}
    rc=${rc%%@@*}
  else
    rc=$EXIT_VM_FAILED
    if [[ -n $started ]]; then
      log "guest died while the command ran (qemu status $vm_rc); console tail:"
    else
      log "VM failed to boot or start the command (qemu status $vm_rc); qemu + console tail:"
      tail -n 5 "$tmp/qemu.log" >&2
    fi
    tr -d '\r' <"$console" | tail -n 25 >&2
  fi
  log "done: exit $rc ($timing)"
}

main() {
  parse_args "$@"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/cgroup-v2-vm.XXXXXX")
  trap cleanup EXIT
  # qemu option values are comma-separated lists.
  [[ $tmp != *,* ]] || die "TMPDIR must not contain a comma: $tmp"
  trap 'on_signal 130' INT
  trap 'on_signal 143' TERM

  ensure_packages
  pick_kernel
  start_time=$(date +%s.%N)
  prepare_kernel
  build_initramfs
  local shown=${command_args[*]}
  ((${#shown} <= 160)) || shown="${shown:0:157}..."
  log "booting Debian kernel $kver ($boot_mode, TCG, ${cpus} cpus, ${memory}, timeout ${timeout_s}s) in $workdir: $shown"
  run_vm
  report
  exit "$rc"
}

main "$@"

#!/usr/bin/env python3
"""bundle.py: one container of a rendered DaemonSet as an OCI runtime config (config.json) for runc.

  bundle.py --manifests RENDERED.yaml --image-config CONFIG.json --container NAME --rootfs DIR
            --node NODE --cgroup PATH [--volume NAME=HOSTDIR]... [--env NAME=VALUE]... OUT.json

What the kubelet and containerd would make of the container spec, as far as one node without a
cluster can: the image's entry point and environment under the spec's command, args, envFrom
(ConfigMaps of the same rendering) and env (the downward API's spec.nodeName is NODE); privileged
as containerd grants it (every capability, no seccomp, no masked or read-only paths, /sys and the
cgroup file system writable); runAsUser; the resources' limits as the container's cgroup (a whole
number of CPUs as a cpuset, as the static CPU manager gives a Guaranteed pod); volumeMounts as bind
mounts of the hostPath volumes (each replaced by a directory of the simulation, --volume); a cgroup
namespace, as a pod on a cgroup v2 node has. Differences from a cluster, which pod-sim.sh prints:
the host's network (no CNI here), --env overrides (the broker's and the store's addresses).
"""
import argparse
import json
import os
import re
import sys

import yaml

# Every capability of Linux 6.x (CAP_CHECKPOINT_RESTORE is the last): privileged grants them all.
CAPABILITIES = [
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
    "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
    "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
    "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
]
# What Docker and containerd give an unprivileged container.
DEFAULT_CAPABILITIES = [
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
    "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
    "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
]
UNITS = {"": 1, "k": 1000, "M": 1000**2, "G": 1000**3, "Ki": 1024, "Mi": 1024**2, "Gi": 1024**3}


def fail(message):
    print(f"bundle.py: {message}", file=sys.stderr)
    sys.exit(1)


def quantity_bytes(text):
    m = re.fullmatch(r"(\d+)([kMG]i?)?", str(text))
    if not m:
        fail(f"memory quantity {text!r} not understood")
    return int(m.group(1)) * UNITS[m.group(2) or ""]


def millicpus(text):
    text = str(text)
    return int(text[:-1]) if text.endswith("m") else int(float(text) * 1000)


def held_capabilities():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("CapBnd:"):
                mask = int(line.split()[1], 16)
                return {i for i in range(64) if mask >> i & 1}
    return set(range(len(CAPABILITIES)))


def pair(text, what):
    if "=" not in text:
        fail(f"{what} {text!r} is not NAME=VALUE")
    return text.split("=", 1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--manifests", required=True)
    p.add_argument("--image-config", required=True)
    p.add_argument("--container", required=True)
    p.add_argument("--rootfs", required=True)
    p.add_argument("--node", required=True)
    p.add_argument("--cgroup", required=True)
    p.add_argument("--volume", action="append", default=[])
    p.add_argument("--env", action="append", default=[])
    p.add_argument("out")
    a = p.parse_args()

    with open(a.manifests) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    daemonsets = [d for d in docs if d["kind"] == "DaemonSet"]
    if len(daemonsets) != 1:
        fail(f"{a.manifests} has {len(daemonsets)} DaemonSets, not one")
    config_maps = {d["metadata"]["name"]: d.get("data", {}) for d in docs if d["kind"] == "ConfigMap"}
    pod = daemonsets[0]["spec"]["template"]["spec"]
    containers = pod.get("initContainers", []) + pod["containers"]
    matching = [c for c in containers if c["name"] == a.container]
    if not matching:
        fail(f"no container {a.container!r} in the DaemonSet")
    c = matching[0]
    with open(a.image_config) as f:
        image = json.load(f).get("config", {})

    # Kubernetes: command replaces the entry point (and drops Cmd), args replace Cmd.
    args = c["command"] + c.get("args", []) if "command" in c else (
        image.get("Entrypoint", []) + c.get("args", image.get("Cmd", [])))
    env = dict(e.split("=", 1) for e in image.get("Env", []))
    for source in c.get("envFrom", []):
        name = source["configMapRef"]["name"]
        if name not in config_maps:
            fail(f"envFrom names the ConfigMap {name!r}, which the rendering lacks")
        env.update(config_maps[name])
    for e in c.get("env", []):
        if "value" in e:
            env[e["name"]] = str(e["value"])
        else:
            field = e["valueFrom"]["fieldRef"]["fieldPath"]
            if field != "spec.nodeName":
                fail(f"env {e['name']}: fieldRef {field} is not simulated")
            env[e["name"]] = a.node
    for override in a.env:
        name, value = pair(override, "--env")
        env[name] = value

    security = c.get("securityContext", {})
    privileged = security.get("privileged", False)
    caps = CAPABILITIES if privileged else DEFAULT_CAPABILITIES
    # A runtime cannot grant what it does not hold: on a node whose own bounding set lacks some
    # (some sandboxed build machines drop CAP_SYS_RESOURCE), privileged means the rest.
    held = held_capabilities()
    caps = [c for c in caps if CAPABILITIES.index(c) in held]

    hostdirs = dict(pair(v, "--volume") for v in a.volume)
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    mounts = [
        {"destination": "/proc", "type": "proc", "source": "proc"},
        {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
         "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
        {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
         "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]},
        {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
         "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
        {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
         "options": ["nosuid", "noexec", "nodev"]},
        {"destination": "/sys", "type": "sysfs", "source": "sysfs",
         "options": ["nosuid", "noexec", "nodev"] + ([] if privileged else ["ro"])},
        {"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup",
         "options": ["nosuid", "noexec", "nodev", "relatime"] + ([] if privileged else ["ro"])},
    ]
    for m in c.get("volumeMounts", []):
        volume = volumes.get(m["name"])
        if volume is None or "hostPath" not in volume:
            fail(f"volumeMount {m['name']}: only hostPath volumes are simulated")
        if m["name"] not in hostdirs:
            fail(f"volumeMount {m['name']}: give its host directory with --volume {m['name']}=DIR")
        source = os.path.abspath(hostdirs[m["name"]])
        os.makedirs(source, exist_ok=True)
        options = ["rbind", "ro" if m.get("readOnly") else "rw"]
        mounts.append({"destination": m["mountPath"], "type": "bind", "source": source,
                       "options": options})

    # Privileged: every device of the node is allowed (runc adds the standard ones otherwise).
    resources = {"devices": [{"allow": privileged, "access": "rwm"}]}
    limits = c.get("resources", {}).get("limits", {})
    if "memory" in limits:
        resources["memory"] = {"limit": quantity_bytes(limits["memory"])}
    if "cpu" in limits:
        milli = millicpus(limits["cpu"])
        resources["cpu"] = {"quota": milli * 100, "period": 100000}
        cpus = os.cpu_count() or 1
        # The static CPU manager's exclusive cores for a Guaranteed pod with whole CPUs.
        if milli % 1000 == 0 and milli // 1000 <= cpus:
            resources["cpu"]["cpus"] = f"0-{milli // 1000 - 1}"
            resources["cpu"]["mems"] = "0"

    spec = {
        "ociVersion": "1.0.2",
        "process": {
            "terminal": False,
            "user": {"uid": int(security.get("runAsUser", 0)), "gid": 0},
            "args": args,
            "env": [f"{k}={v}" for k, v in env.items()],
            "cwd": image.get("WorkingDir") or "/",
            "capabilities": {k: caps for k in ("bounding", "effective", "permitted")},
            "noNewPrivileges": not privileged,
        },
        "root": {"path": os.path.abspath(a.rootfs), "readonly": False},
        "hostname": a.node,
        "mounts": mounts,
        "linux": {
            "cgroupsPath": a.cgroup,
            "resources": resources,
            # No network namespace: the pod network is the host's here (no CNI without a cluster).
            "namespaces": [{"type": t} for t in ("pid", "ipc", "uts", "mount", "cgroup")],
        },
    }
    if not privileged:
        spec["linux"]["maskedPaths"] = ["/proc/kcore", "/proc/keys", "/proc/timer_list",
                                        "/sys/firmware"]
        spec["linux"]["readonlyPaths"] = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                                          "/proc/sysrq-trigger"]
    with open(a.out, "w") as f:
        json.dump(spec, f, indent=2)
    # What the simulation made of the spec, for pod-sim.sh to print.
    print(json.dumps({"args": args, "privileged": privileged, "limits": limits,
                      "missing": sorted(set(CAPABILITIES if privileged else DEFAULT_CAPABILITIES)
                                        - set(caps)),
                      "grace": pod.get("terminationGracePeriodSeconds", 30),
                      "mounts": [m["destination"] for m in mounts if m["type"] == "bind"]}))


main()

package dev.judgefleet.worker.cli.soak;

/**
 * A worker process's resources at one moment of a soak.
 *
 * @param submissions verdicts received by then
 * @param seconds from the soak's start
 * @param fds open file descriptors ({@code /proc/PID/fd})
 * @param mounts lines of its mount table ({@code /proc/PID/mountinfo})
 * @param stateMounts mounts in its mount namespace under its sandbox state directory
 * @param cgroups cgroup directories under its engines' ({@code judgefleet-PID...}), all hierarchies
 * @param threads its threads ({@code /proc/PID/task})
 * @param processes its descendants (sandboxes' inits and programs, compilers)
 * @param rssBytes its resident set ({@code VmRSS})
 */
public record ProcessSample(
    long submissions,
    double seconds,
    long fds,
    long mounts,
    long stateMounts,
    long cgroups,
    long threads,
    long processes,
    long rssBytes) {}

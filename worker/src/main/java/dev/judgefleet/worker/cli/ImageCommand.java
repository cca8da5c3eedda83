package dev.judgefleet.worker.cli;

import picocli.CommandLine.Command;

/** {@code judge image}: the worker's own container image. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = {
      "Build the worker's container image.",
      "The worker's container image, as the Kubernetes DaemonSet in k8s/ runs it: a JRE, libseccomp, the worker with its judge-init; no compilers (languages come from the rootfs images)."
    },
    subcommands = {ImageBuildCommand.class})
public final class ImageCommand {}

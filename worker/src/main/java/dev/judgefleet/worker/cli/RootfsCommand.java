package dev.judgefleet.worker.cli;

import picocli.CommandLine.Command;

/** {@code judge rootfs}: the per-language root filesystem images of this node. */
@Command(
    name = "rootfs",
    mixinStandardHelpOptions = true,
    description = {
      "Build, list, verify, test, import and pull the language images.",
      "The per-language root filesystem images: recipes in rootfs-images/, the store in <state-dir>/rootfs, its OCI layout in <state-dir>/rootfs/oci."
    },
    subcommands = {
      RootfsBuildCommand.class,
      RootfsListCommand.class,
      RootfsVerifyCommand.class,
      RootfsTestCommand.class,
      RootfsImportCommand.class,
      RootfsPullCommand.class
    })
public final class RootfsCommand {}

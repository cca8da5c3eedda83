package dev.judgefleet.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The worker's layers depend downward only (command line, messaging, service, judge, languages and
 * problems, sandbox), third-party APIs stay in their room, and the sandbox knows nothing of
 * judging.
 */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.judgefleet.worker");

  /**
   * cli → messaging → service → judge → language/problem → sandbox, each using only those below it.
   * The root package (the configuration mapping, the node's name, the version) is read by the two
   * entry points, the command line and the Kafka worker. Images ({@code rootfs}) belong with the
   * languages that run in them.
   */
  @Test
  void layersDependDownwardOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("dev.judgefleet.worker.cli..")
        .layer("configuration")
        .definedBy("dev.judgefleet.worker")
        .layer("messaging")
        .definedBy("dev.judgefleet.worker.messaging..")
        .layer("service")
        .definedBy("dev.judgefleet.worker.service..")
        .layer("judge")
        .definedBy("dev.judgefleet.worker.judge..")
        .layer("language")
        .definedBy("dev.judgefleet.worker.language..", "dev.judgefleet.worker.rootfs..")
        .layer("problem")
        .definedBy("dev.judgefleet.worker.problem..")
        .layer("sandbox")
        .definedBy("dev.judgefleet.worker.sandbox..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("configuration")
        .mayOnlyBeAccessedByLayers("cli", "messaging")
        .whereLayer("messaging")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("service")
        .mayOnlyBeAccessedByLayers("cli", "messaging")
        .whereLayer("judge")
        .mayOnlyBeAccessedByLayers("cli", "messaging", "service")
        .whereLayer("language")
        .mayOnlyBeAccessedByLayers("cli", "configuration", "messaging", "service", "judge")
        .whereLayer("problem")
        .mayOnlyBeAccessedByLayers(
            "cli", "configuration", "messaging", "service", "judge", "language")
        .whereLayer("sandbox")
        .mayOnlyBeAccessedByLayers(
            "cli", "configuration", "messaging", "service", "judge", "language")
        .check(classes);
  }

  /** The system calls and the launch plan are the sandbox's insides; its API is its own package. */
  @Test
  void onlyTheSandboxUsesItsSystemCallsAndPlans() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.judgefleet.worker.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.judgefleet.worker.sandbox.linux..", "dev.judgefleet.worker.sandbox.plan..")
        .check(classes);
  }

  @Test
  void onlyMessagingTalksKafka() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.judgefleet.worker.messaging..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "io.smallrye.reactive.messaging..")
        .check(classes);
  }

  @Test
  void onlyTheLinuxPackageTalksJna() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.judgefleet.worker.sandbox.linux..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.sun.jna..")
        .check(classes);
  }

  @Test
  void theSandboxImportsNothingFromJudgingOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.judgefleet.worker.sandbox..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.judgefleet.worker.judge..",
            "dev.judgefleet.worker.cli..",
            "dev.judgefleet.worker.language..",
            "dev.judgefleet.worker.messaging..",
            "io.quarkus..",
            "io.smallrye..")
        .check(classes);
  }

  @Test
  void onlyYamlTreeParsesYaml() {
    noClasses()
        .that()
        .haveNameNotMatching("dev\\.judgefleet\\.worker\\.problem\\.YamlTree")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson.dataformat.yaml..", "org.yaml.snakeyaml..")
        .check(classes);
  }

  @Test
  void onlyTheProblemStoreTalksS3() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.judgefleet.worker.problem.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(classes);
  }

  @Test
  void theProblemStoreKnowsNothingOfMessagingOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.judgefleet.worker.problem..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.judgefleet.worker.messaging..",
            "dev.judgefleet.worker.cli..",
            "io.smallrye..",
            "org.apache.kafka..")
        .check(classes);
  }

  @Test
  void thePlanIsPureData() {
    noClasses()
        .that()
        .resideInAPackage("dev.judgefleet.worker.sandbox.plan..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.judgefleet.worker.sandbox.linux..", "com.sun.jna..")
        .check(classes);
  }
}

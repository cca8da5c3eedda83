package dev.judgefleet.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Third-party APIs stay in their room, and the sandbox knows nothing of judging. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.judgefleet.worker");

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

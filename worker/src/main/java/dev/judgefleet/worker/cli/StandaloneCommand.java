package dev.judgefleet.worker.cli;

/**
 * A command that needs nothing of Quarkus: no bean, no extension, only configuration values read
 * through {@code ConfigProvider} (Quarkus' own sources: properties, environment, system
 * properties). {@link JudgeMain} runs it without starting Quarkus, which costs more than the
 * command itself.
 */
interface StandaloneCommand {}

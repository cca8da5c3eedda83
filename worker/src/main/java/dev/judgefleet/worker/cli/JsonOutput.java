package dev.judgefleet.worker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.judgefleet.model.WireJson;

/** The indented JSON the commands print with {@code --json}. */
final class JsonOutput {
  // The wire mapper, so that anything a command prints reads the way the messages do.
  private static final ObjectMapper MAPPER =
      WireJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonOutput() {}

  /** Prints {@code value} as indented JSON on stdout. */
  static void print(Object value) throws JsonProcessingException {
    System.out.println(MAPPER.writeValueAsString(value));
  }
}

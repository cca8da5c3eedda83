package dev.judgefleet.worker.problem.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** JSON of the store's own objects (indexes, announcements): strict, pretty, UTF-8. */
final class StoreJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private StoreJson() {}

  static byte[] write(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value, e);
    }
  }

  static <T> T read(byte[] bytes, Class<T> type, String what) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not valid: " + e.getMessage(), e);
    }
  }
}

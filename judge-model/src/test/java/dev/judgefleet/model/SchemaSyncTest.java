package dev.judgefleet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the hand-written schemas in {@code src/main/resources/schemas/} in step with the records,
 * so a non-Java producer reading the schema sees exactly what the Java side reads and writes.
 *
 * <p>The rules, per object in a schema and the record it mirrors (nested ones too): the properties
 * are exactly the record's components; each has the JSON type of its Java type (enums with the
 * enum's constants in order, instants as date-time strings); every object tolerates unknown fields;
 * a primitive component is required unless the schema gives its default; in a record written
 * without {@code @JsonInclude(NON_NULL)} every component is always written, so it is required, and
 * a reference-typed one may be null.
 */
class SchemaSyncTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> schemas() {
    return Stream.of(
        Arguments.of("submission.schema.json", Submission.class),
        Arguments.of("verdict-event.schema.json", VerdictEvent.class),
        Arguments.of("progress-event.schema.json", ProgressEvent.class));
  }

  static JsonNode schema(String file) {
    try (InputStream in = SchemaSyncTest.class.getResourceAsStream("/schemas/" + file)) {
      assertNotNull(in, "schemas/" + file + " is not on the class path (src/main/resources)");
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new AssertionError("schemas/" + file + " is not JSON", e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void isDraft202012(String file, Class<?> record) {
    JsonNode schema = schema(file);
    assertEquals(
        "https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), file);
    assertEquals("https://judgefleet.dev/schemas/" + file, schema.path("$id").asText(), file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void mirrorsTheRecordAndEveryNestedRecord(String file, Class<?> record) {
    JsonNode schema = schema(file);
    List<String> mismatches = new ArrayList<>();
    checkObject(schema, schema, record, record.getSimpleName(), mismatches);
    assertTrue(
        mismatches.isEmpty(),
        () ->
            file
                + " and "
                + record.getSimpleName()
                + " disagree:\n  "
                + String.join("\n  ", mismatches));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void schemaVersionIsTheRecordsConstant(String file, Class<?> record) throws Exception {
    int constant = record.getField("SCHEMA_VERSION").getInt(null);
    assertEquals(constant, schema(file).at("/properties/schemaVersion/const").asInt(-1), file);
  }

  @Test
  void verdictEnumIsTheVerdictCodesInOrder() {
    assertEquals(
        names(Verdict.values()),
        texts(schema("verdict-event.schema.json").at("/$defs/verdict/enum")),
        "verdict-event.schema.json's verdict enum must list Verdict's wire codes in order");
  }

  @Test
  void reasonEnumIsTheVerdictReasonCodesInOrder() {
    assertEquals(
        names(VerdictReason.values()),
        texts(schema("verdict-event.schema.json").at("/$defs/verdictReason/enum")),
        "verdict-event.schema.json's verdictReason enum must list VerdictReason's codes in order");
  }

  @Test
  void phaseEnumIsThePhaseCodesInOrder() {
    assertEquals(
        names(Phase.values()),
        texts(schema("progress-event.schema.json").at("/$defs/phase/enum")),
        "progress-event.schema.json's phase enum must list Phase's wire codes in order");
  }

  @Test
  void idAndFileNamePatternsAreTheValidators() {
    JsonNode submission = schema("submission.schema.json");
    assertEquals(SubmissionValidator.ID_PATTERN, submission.at("/$defs/id/pattern").asText());
    assertEquals(
        SubmissionValidator.FILE_NAME_PATTERN,
        submission.at("/$defs/sourceFile/properties/name/pattern").asText());
    assertEquals(
        SubmissionValidator.ID_PATTERN,
        schema("verdict-event.schema.json").at("/properties/submissionId/pattern").asText());
    assertEquals(
        SubmissionValidator.ID_PATTERN,
        schema("progress-event.schema.json").at("/properties/submissionId/pattern").asText());
  }

  /** What the schema requires, the parser reports as missing, with the same field path. */
  @Test
  void everyFieldTheSchemaRequiresIsReportedMissingByTheParser() {
    JsonNode schema = schema("submission.schema.json");
    List<String> checked = new ArrayList<>();
    for (JsonNode field : schema.path("required")) {
      assertReportedMissing("submission-source.json", "", field.asText(), checked);
    }
    for (JsonNode field : schema.at("/$defs/sourceFile/required")) {
      assertReportedMissing("submission-files.json", "files[0].", field.asText(), checked);
    }
    for (JsonNode field : schema.at("/$defs/inlineTest/required")) {
      assertReportedMissing("submission-inline-tests.json", "tests[1].", field.asText(), checked);
    }
    assertEquals(8, checked.size(), "required fields checked: " + checked);
  }

  /** What the schema does not require, the parser does without (source and files are a pair). */
  @Test
  void everyFieldTheSchemaDoesNotRequireIsOptionalForTheParser() {
    JsonNode schema = schema("submission.schema.json");
    Set<String> required = new HashSet<>(texts(schema.path("required")));
    List<String> optional = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(optional::add);
    optional.removeAll(required);
    optional.removeAll(List.of("source", "files"));
    for (String golden : List.of("submission-source.json", "submission-inline-tests.json")) {
      for (String field : optional) {
        ObjectNode document = (ObjectNode) Goldens.tree(golden);
        document.remove(field);
        SubmissionParseResult result = SubmissionParser.parse(bytes(document), Goldens.POLICY);
        assertInstanceOf(
            SubmissionParseResult.Parsed.class,
            result,
            () -> golden + " without optional " + field + ": " + result);
      }
    }
  }

  private static void assertReportedMissing(
      String golden, String prefix, String field, List<String> checked) {
    JsonNode document = Goldens.tree(golden);
    JsonNode parent =
        prefix.isEmpty()
            ? document
            : document.path(prefix.substring(0, prefix.indexOf('['))).path(index(prefix));
    ((ObjectNode) parent).remove(field);
    SubmissionParseResult result = SubmissionParser.parse(bytes(document), Goldens.POLICY);
    SubmissionParseResult.Malformed malformed =
        assertInstanceOf(SubmissionParseResult.Malformed.class, result, golden + " - " + field);
    assertTrue(
        malformed.reason().contains(prefix + field + " is missing"),
        () -> golden + " without " + prefix + field + ": " + malformed.reason());
    checked.add(prefix + field);
  }

  private static int index(String prefix) {
    return Integer.parseInt(prefix.substring(prefix.indexOf('[') + 1, prefix.indexOf(']')));
  }

  private static byte[] bytes(JsonNode document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void checkObject(
      JsonNode root, JsonNode schema, Class<?> record, String where, List<String> mismatches) {
    if (!types(schema).equals(Set.of("object"))) {
      mismatches.add(where + ": type is " + types(schema) + ", not object");
    }
    if (!schema.path("additionalProperties").asBoolean(false)) {
      mismatches.add(
          where + ": additionalProperties must be true (the records tolerate unknown fields)");
    }
    List<String> components =
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    Set<String> properties = new LinkedHashSet<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    for (String property : properties) {
      if (!components.contains(property)) {
        mismatches.add(where + "." + property + ": in the schema, not in the record");
      }
    }
    Set<String> required = new HashSet<>(texts(schema.path("required")));
    for (String field : required) {
      if (!components.contains(field)) {
        mismatches.add(where + "." + field + ": required, but not in the record");
      }
    }
    boolean writesNulls = !writesNonNullOnly(record);
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      String at = where + "." + name;
      if (!properties.contains(name)) {
        mismatches.add(at + ": in the record, not in the schema");
        continue;
      }
      JsonNode property = resolve(root, schema.path("properties").path(name));
      boolean primitive = component.getType().isPrimitive();
      boolean nullable = writesNulls && !primitive;
      if (primitive && !required.contains(name) && !property.has("default")) {
        mismatches.add(at + ": a primitive is always written: required, or give its default");
      }
      if (writesNulls && !required.contains(name)) {
        mismatches.add(at + ": the record writes nulls, so the field is always there: required");
      }
      checkValue(root, property, component.getGenericType(), nullable, at, mismatches);
    }
  }

  private static void checkValue(
      JsonNode root,
      JsonNode property,
      Type javaType,
      boolean nullable,
      String at,
      List<String> mismatches) {
    Class<?> raw = raw(javaType);
    Set<String> expected = new HashSet<>(Set.of(jsonType(raw)));
    if (nullable) {
      expected.add("null");
    }
    if (!types(property).equals(expected)) {
      mismatches.add(at + ": type is " + types(property) + ", the record's is " + expected);
    }
    if (raw.isEnum()) {
      List<String> constants = names((Enum<?>[]) raw.getEnumConstants());
      if (!texts(property.path("enum")).equals(constants)) {
        mismatches.add(
            at
                + ": enum is "
                + property.path("enum")
                + ", "
                + raw.getSimpleName()
                + "'s is "
                + constants);
      }
    } else if (raw == Instant.class && !"date-time".equals(property.path("format").asText())) {
      mismatches.add(at + ": an Instant is a string with format date-time");
    } else if (raw.isRecord()) {
      checkObject(root, property, raw, at, mismatches);
    } else if (List.class.isAssignableFrom(raw)) {
      Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
      checkValue(
          root, resolve(root, property.path("items")), element, false, at + "[]", mismatches);
    }
  }

  private static String jsonType(Class<?> type) {
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "integer";
    }
    if (type == double.class || type == Double.class) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == String.class || type == Instant.class || type.isEnum()) {
      return "string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "object";
    }
    throw new AssertionError("no JSON type for " + type + "; teach SchemaSyncTest");
  }

  /** A property's own keywords, or those of the definition its {@code $ref} points at. */
  private static JsonNode resolve(JsonNode root, JsonNode property) {
    String ref = property.path("$ref").asText("");
    if (ref.isEmpty()) {
      return property;
    }
    assertTrue(ref.startsWith("#/$defs/"), "only local $defs references are used: " + ref);
    JsonNode target = root.at(ref.substring(1));
    assertTrue(!target.isMissingNode(), "dangling reference " + ref);
    return resolve(root, target);
  }

  private static Set<String> types(JsonNode schema) {
    JsonNode type = schema.path("type");
    return type.isArray() ? new HashSet<>(texts(type)) : Set.of(type.asText());
  }

  private static boolean writesNonNullOnly(Class<?> record) {
    JsonInclude include = record.getAnnotation(JsonInclude.class);
    return include != null && include.value() == JsonInclude.Include.NON_NULL;
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType parameterized
        ? (Class<?>) parameterized.getRawType()
        : (Class<?>) type;
  }

  private static List<String> names(Enum<?>[] constants) {
    return Arrays.stream(constants).map(Enum::name).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}

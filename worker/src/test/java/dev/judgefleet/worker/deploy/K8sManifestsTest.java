package dev.judgefleet.worker.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.judgefleet.worker.WorkerConfig;
import dev.judgefleet.worker.image.WorkerImageRecipe;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every k8s/ overlay with {@code kubectl kustomize} and checks the result against the
 * worker: strict Kubernetes models, probe paths, grace periods, configuration keys, topics.
 */
class K8sManifestsTest {

  private static final Path K8S = Path.of("..", "k8s");

  /** The paths Quarkus' SmallRye Health serves (quarkus-smallrye-health). */
  private static final Set<String> HEALTH_PATHS =
      Set.of("/q/health/started", "/q/health/ready", "/q/health/live");

  private static final Map<String, Class<?>> TYPED =
      Map.of(
          "Namespace", Namespace.class,
          "ServiceAccount", ServiceAccount.class,
          "ConfigMap", ConfigMap.class,
          "DaemonSet", DaemonSet.class,
          "NetworkPolicy", NetworkPolicy.class);

  private final ObjectMapper json =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/production"})
  void overlayRendersStrictlyAndMatchesTheWorker(String overlay) throws Exception {
    List<Object> objects = parse(render(overlay));
    DaemonSet daemonSet = only(objects, DaemonSet.class);
    ConfigMap configMap = only(objects, ConfigMap.class);
    only(objects, Namespace.class);
    only(objects, NetworkPolicy.class);
    ServiceAccount account = only(objects, ServiceAccount.class);
    assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken(), "token mounted");

    var pod = daemonSet.getSpec().getTemplate().getSpec();
    Container worker = pod.getContainers().get(0);
    for (Probe probe :
        List.of(worker.getStartupProbe(), worker.getReadinessProbe(), worker.getLivenessProbe())) {
      String path = probe.getHttpGet().getPath();
      assertTrue(HEALTH_PATHS.contains(path), "probe path " + path + " is not served");
    }

    Duration grace = parseDuration(configMap.getData().get("JUDGE_WORKER_SHUTDOWN_GRACE"));
    assertTrue(
        pod.getTerminationGracePeriodSeconds() > grace.toSeconds(),
        "terminationGracePeriodSeconds "
            + pod.getTerminationGracePeriodSeconds()
            + " does not exceed the shutdown grace "
            + grace);

    Set<String> known = configEnvNames();
    for (String key : configMap.getData().keySet()) {
      assertTrue(known.contains(key), key + " is no key of the worker's @ConfigMapping");
    }

    var requests = worker.getResources().getRequests();
    assertEquals(requests, worker.getResources().getLimits(), "requests != limits: not Guaranteed");
    assertTrue(
        requests.get("cpu").getAmount().matches("\\d+"), "whole CPUs for the static CPU manager");
    assertTrue(worker.getSecurityContext().getPrivileged(), "the sandbox needs privileged");
    assertTrue(
        worker.getEnv().stream()
            .anyMatch(
                e ->
                    e.getName().equals("NODE_NAME")
                        && e.getValueFrom().getFieldRef().getFieldPath().equals("spec.nodeName")),
        "NODE_NAME from the downward API");
    for (Container c : pod.getInitContainers()) {
      assertEquals(worker.getImage(), c.getImage(), "init container runs another image");
    }
    String repository =
        WorkerImageRecipe.read(Path.of("..", "deploy", "image", "worker-image.yaml")).repository();
    if (overlay.endsWith("dev")) {
      // dev loads the archive bin/judge image build wrote, under the name it gave the image.
      assertEquals(repository + ":" + WorkerImageRecipe.DEFAULT_TAG, worker.getImage());
    } else {
      // production pulls the same repository from a registry.
      assertTrue(
          worker.getImage().matches("[a-z0-9.:-]+/" + repository + "[:@].+"),
          "image " + worker.getImage() + " is not a registry's " + repository);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"topics", "overlays/dev/topics"})
  void topicsAreTheWorkersAndVerdictsAreCompacted(String dir) throws Exception {
    List<GenericKubernetesResource> topics =
        parse(render(dir)).stream()
            .map(GenericKubernetesResource.class::cast)
            .filter(r -> r.getKind().equals("KafkaTopic"))
            .toList();
    Set<String> names =
        topics.stream().map(t -> t.getMetadata().getName()).collect(Collectors.toSet());
    assertEquals(workerTopicNames(), names);
    GenericKubernetesResource verdicts =
        topics.stream()
            .filter(t -> t.getMetadata().getName().equals("judge.verdicts"))
            .findFirst()
            .orElseThrow();
    Map<?, ?> spec = (Map<?, ?>) verdicts.getAdditionalProperties().get("spec");
    assertEquals("compact", ((Map<?, ?>) spec.get("config")).get("cleanup.policy"));
  }

  private static String render(String dir) throws IOException, InterruptedException {
    Path out = Files.createTempFile("kustomize", ".yaml");
    try {
      Process p =
          new ProcessBuilder("kubectl", "kustomize", K8S.resolve(dir).toString())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("kubectl kustomize " + dir + " did not finish in 60 s");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), "kubectl kustomize " + dir + ": " + text);
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Typed where the kind is core Kubernetes (unknown fields fail), generic for CRDs. */
  private List<Object> parse(String yaml) throws IOException {
    List<Object> objects = new ArrayList<>();
    var parser = new YAMLFactory().createParser(yaml);
    List<JsonNode> docs = new YAMLMapper().readValues(parser, JsonNode.class).readAll();
    for (JsonNode doc : docs) {
      if (doc == null || doc.isEmpty()) {
        continue;
      }
      Class<?> type = TYPED.get(doc.path("kind").asText());
      Object parsed =
          json.treeToValue(doc, (Class<?>) (type != null ? type : GenericKubernetesResource.class));
      if (type != null) {
        assertNoUnknownFields(parsed, doc.path("kind").asText());
      }
      objects.add(parsed);
    }
    return objects;
  }

  /** fabric8 keeps unknown fields in additionalProperties: strict means each one is empty. */
  private static void assertNoUnknownFields(Object value, String where) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> list) {
      list.forEach(v -> assertNoUnknownFields(v, where));
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> assertNoUnknownFields(v, where));
      return;
    }
    if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : value.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || !m.getName().startsWith("get")
          || Modifier.isStatic(m.getModifiers())
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object field = m.invoke(value);
        if (m.getName().equals("getAdditionalProperties")) {
          assertTrue(
              ((Map<?, ?>) field).isEmpty(),
              "unknown fields " + ((Map<?, ?>) field).keySet() + " in a " + where);
        } else {
          assertNoUnknownFields(field, where);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(m.toString(), e);
      }
    }
  }

  private static <T> T only(List<Object> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertEquals(1, found.size(), "one " + type.getSimpleName());
    return found.get(0);
  }

  private static Duration parseDuration(String text) {
    var m = java.util.regex.Pattern.compile("(\\d+)([sm])").matcher(text);
    assertTrue(m.matches(), "duration " + text);
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
  }

  /** JUDGE_WORKER_SHUTDOWN_GRACE for judge.worker.shutdown-grace, etc. */
  private static Set<String> configEnvNames() {
    Set<String> names = new HashSet<>();
    collect(WorkerConfig.class, "judge", names);
    return names;
  }

  private static void collect(Class<?> type, String prefix, Set<String> names) {
    for (Method m : type.getMethods()) {
      if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
        continue;
      }
      String name = prefix + "." + kebab(m.getName());
      if (m.getReturnType().isInterface()
          && m.getReturnType().getName().startsWith("dev.judgefleet")) {
        collect(m.getReturnType(), name, names);
      } else {
        names.add(name.toUpperCase().replace('.', '_').replace('-', '_'));
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private static Set<String> workerTopicNames() {
    return Stream.of(WorkerConfig.Topics.class.getMethods())
        .map(m -> m.getAnnotation(WithDefault.class))
        .filter(a -> a != null)
        .map(WithDefault::value)
        .collect(Collectors.toSet());
  }
}

package dev.judgefleet.worker.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.judgefleet.worker.problem.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the worker's container image is built from ({@code deploy/image/worker-image.yaml}).
 *
 * @param suite the Debian suite of its base
 * @param sourceDateEpochSeconds the build's {@code SOURCE_DATE_EPOCH}
 * @param packages the Debian packages on top of the essential set
 * @param repository the repository the image is named for ({@code judgefleet/worker})
 */
public record WorkerImageRecipe(
    String suite,
    @JsonProperty("source_date_epoch") long sourceDateEpochSeconds,
    List<String> packages,
    String repository) {

  /** The tag a build gives the image unless told otherwise; k8s/'s dev overlay runs it. */
  public static final String DEFAULT_TAG = "latest";

  public WorkerImageRecipe {
    if (suite == null || !suite.matches("[a-z]+")) {
      throw new IllegalArgumentException("worker image: bad suite " + suite);
    }
    if (sourceDateEpochSeconds <= 0) {
      throw new IllegalArgumentException("worker image: source_date_epoch must be set");
    }
    packages = List.copyOf(packages == null ? List.of() : packages);
    if (repository == null || !repository.matches("[a-z0-9]+([._/-][a-z0-9]+)*")) {
      throw new IllegalArgumentException("worker image: bad repository " + repository);
    }
  }

  public static WorkerImageRecipe read(Path file) {
    try {
      return new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .treeToValue(YamlTree.parse(Files.readAllBytes(file)), WorkerImageRecipe.class);
    } catch (YamlTree.YamlException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the worker image recipe " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}

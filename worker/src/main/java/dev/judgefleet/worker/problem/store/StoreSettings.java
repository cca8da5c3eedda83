package dev.judgefleet.worker.problem.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the problem store is and how to reach it.
 *
 * @param endpoint the S3 endpoint ({@code https://minio.example:9000}); empty for AWS S3 itself
 * @param bucket the bucket
 * @param region the region (any value for MinIO, Ceph RGW or s3proxy; {@code auto} for some)
 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}:
 *     what MinIO, Ceph RGW and s3proxy expect unless set up with wildcard DNS
 * @param prefix a key prefix, so one bucket can hold several stores ({@code ""} for none)
 * @param accessKey the access key; empty for the SDK's default chain (AWS_ACCESS_KEY_ID, web
 *     identity, instance profile ...)
 * @param secretKey the secret key that goes with {@code accessKey}
 * @param caFile a PEM file of the CA certificates to trust for an https endpoint (a private CA),
 *     instead of the JDK's
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a read may stall
 */
public record StoreSettings(
    Optional<URI> endpoint,
    String bucket,
    String region,
    boolean pathStyle,
    String prefix,
    Optional<String> accessKey,
    Optional<String> secretKey,
    Optional<Path> caFile,
    Duration connectTimeout,
    Duration readTimeout) {

  public StoreSettings {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(region, "region");
    prefix = prefix == null ? "" : prefix;
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw new IllegalArgumentException(
          "set both the access key and the secret key of the problem store, or neither");
    }
  }

  /** {@code s3://bucket/prefix (endpoint)}, for messages. */
  public String describe() {
    return "s3://"
        + bucket
        + "/"
        + prefix
        + endpoint.map(e -> " at " + e).orElse(" (AWS S3, " + region + ")");
  }
}

package dev.judgefleet.worker.problem.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The few S3 operations the problem store needs, through the AWS SDK v2 over the JDK's HTTP stack.
 * Works against MinIO, Ceph RGW, AWS S3, GCS (its S3 API) and s3proxy: path-style addressing when
 * asked, and checksums only where an operation requires them (the SDK's newer default integrity
 * headers are not understood by every S3-compatible server; package content is verified by its
 * digest anyway).
 *
 * <p>A missing object is an empty answer; every other failure is a {@link StoreException} naming
 * the operation, the object and the store. The SDK's own retries are off: the callers decide how
 * long to wait for the store.
 */
public final class ObjectStore implements AutoCloseable {
  private final S3Client s3;
  private final StoreSettings settings;

  private ObjectStore(S3Client s3, StoreSettings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  public static ObjectStore connect(StoreSettings settings) {
    UrlConnectionHttpClient.Builder http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.readTimeout());
    if (settings.caFile().isPresent()) {
      TrustManager[] trust = trustManagers(settings.caFile().get());
      http.tlsTrustManagersProvider(() -> trust);
    }
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(http)
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(credentials(settings))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    settings.endpoint().ifPresent(builder::endpointOverride);
    return new ObjectStore(builder.build(), settings);
  }

  public StoreSettings settings() {
    return settings;
  }

  /** The object at {@code key} (under the store's prefix) read whole, at most {@code capBytes}. */
  public Optional<byte[]> read(String key, long capBytes) {
    Optional<Download> download = open(key);
    if (download.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = download.get().stream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, capBytes + 1));
      if (bytes.length > capBytes) {
        throw new StoreException(
            "GET " + url(key) + ": larger than the " + capBytes + " bytes expected", null);
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      throw new StoreException("GET " + url(key) + ": " + e.getMessage(), e);
    }
  }

  /** An object being downloaded: its stream and the length the store announced. */
  public record Download(InputStream stream, long lengthBytes) {}

  /** Starts downloading the object at {@code key}; empty if there is none. */
  public Optional<Download> open(String key) {
    return call(
        "GET",
        key,
        () -> {
          ResponseInputStream<GetObjectResponse> in =
              s3.getObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key));
          Long length = in.response().contentLength();
          return new Download(in, length == null ? -1 : length);
        });
  }

  /** The size of the object at {@code key}, or empty if there is none. */
  public Optional<Long> size(String key) {
    return call(
        "HEAD",
        key,
        () ->
            s3.headObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key))
                .contentLength());
  }

  public void write(String key, Path file, String contentType) {
    call(
        "PUT",
        key,
        () ->
            s3.putObject(
                b ->
                    b.bucket(settings.bucket())
                        .key(settings.prefix() + key)
                        .contentType(contentType),
                RequestBody.fromFile(file)));
  }

  public void write(String key, byte[] bytes, String contentType) {
    call(
        "PUT",
        key,
        () ->
            s3.putObject(
                b ->
                    b.bucket(settings.bucket())
                        .key(settings.prefix() + key)
                        .contentType(contentType),
                RequestBody.fromBytes(bytes)));
  }

  /** The names one level below {@code prefix} ({@code problems/} gives the problem ids). */
  public List<String> children(String prefix) {
    List<String> names = new ArrayList<>();
    String full = settings.prefix() + prefix;
    String token = null;
    do {
      String continuation = token;
      ListObjectsV2Response page =
          call(
                  "LIST",
                  prefix,
                  () ->
                      s3.listObjectsV2(
                          ListObjectsV2Request.builder()
                              .bucket(settings.bucket())
                              .prefix(full)
                              .delimiter("/")
                              .continuationToken(continuation)
                              .build()))
              .orElseThrow(() -> new StoreException("LIST " + url(prefix) + ": no bucket", null));
      for (CommonPrefix p : page.commonPrefixes()) {
        String name = p.prefix().substring(full.length());
        names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return names;
  }

  /** Creates the bucket unless it exists (the local stack's store starts empty). */
  public void createBucketIfMissing() {
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw new StoreException("HEAD bucket " + settings.describe() + ": " + reason(e), e);
      }
      try {
        s3.createBucket(b -> b.bucket(settings.bucket()));
      } catch (SdkException created) {
        throw new StoreException(
            "creating the bucket " + settings.describe() + ": " + reason(created), created);
      }
    } catch (SdkException e) {
      throw new StoreException("HEAD bucket " + settings.describe() + ": " + reason(e), e);
    }
  }

  /** Whether the store answers at all (the bucket exists and the credentials are accepted). */
  public boolean reachable() {
    try {
      s3.headBucket(b -> b.bucket(settings.bucket()));
      return true;
    } catch (SdkException e) {
      return false;
    }
  }

  @Override
  public void close() {
    s3.close();
  }

  private <T> Optional<T> call(String operation, String key, Supplier<T> request) {
    try {
      return Optional.ofNullable(request.get());
    } catch (S3Exception e) {
      boolean noBucket =
          e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
      if (e.statusCode() == 404 && !noBucket) {
        return Optional.empty();
      }
      throw new StoreException(operation + " " + url(key) + ": " + reason(e), e);
    } catch (SdkException e) {
      throw new StoreException(operation + " " + url(key) + ": " + reason(e), e);
    }
  }

  private String url(String key) {
    return "s3://"
        + settings.bucket()
        + "/"
        + settings.prefix()
        + key
        + settings.endpoint().map(e -> " (" + e + ")").orElse("");
  }

  private static String reason(SdkException e) {
    if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
      String code = s3e.awsErrorDetails().errorCode();
      return "HTTP " + s3e.statusCode() + (code == null ? "" : " " + code);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static AwsCredentialsProvider credentials(StoreSettings settings) {
    if (settings.accessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** Trust the CAs of {@code caFile} (PEM), as a private store's certificate needs. */
  private static TrustManager[] trustManagers(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
      keys.load(null, null);
      int n = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        keys.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new IllegalArgumentException("no certificate in " + caFile);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(keys);
      return factory.getTrustManagers();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the CA certificates in " + caFile + ": " + e, e);
    }
  }
}

package dev.judgefleet.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The image's Java trust store, made again reproducibly. Debian's ca-certificates-java writes
 * {@code /etc/ssl/certs/java/cacerts} with keytool, a PKCS#12 file with a random salt and a MAC
 * over it: two builds differ. The worker needs the public CAs (an https problem store, Kafka over
 * TLS), so the file is written again from the same certificates (the image's {@code
 * ca-certificates.crt}) as a PKCS#12 store without MAC or certificate encryption, which the JDK
 * reads as any trust store and which has no randomness in it: a trust store holds no secrets.
 */
final class TrustStore {
  static final String CACERTS = "etc/ssl/certs/java/cacerts";
  private static final String BUNDLE = "etc/ssl/certs/ca-certificates.crt";
  private static final List<String> PLAIN_PKCS12 =
      List.of("keystore.pkcs12.certProtectionAlgorithm", "keystore.pkcs12.macAlgorithm");

  private TrustStore() {}

  /** Rewrites the tree's cacerts if it has one; returns the number of certificates in it. */
  static int rewrite(Path tree) {
    Path cacerts = tree.resolve(CACERTS);
    if (!Files.isRegularFile(cacerts)) {
      return 0;
    }
    try (InputStream in = Files.newInputStream(tree.resolve(BUNDLE))) {
      List<X509Certificate> certs = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certs.add((X509Certificate) c);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certs.size(); i++) {
        store.setCertificateEntry(
            String.format("%03d %s", i, certs.get(i).getSubjectX500Principal().getName()),
            certs.get(i));
      }
      // The JDK reads these as system properties when it writes a PKCS#12 store; this command
      // writes no other.
      PLAIN_PKCS12.forEach(p -> System.setProperty(p, "NONE"));
      try (OutputStream out = Files.newOutputStream(cacerts)) {
        store.store(out, new char[0]);
      } finally {
        PLAIN_PKCS12.forEach(System::clearProperty);
      }
      return certs.size();
    } catch (IOException e) {
      throw new UncheckedIOException("rewriting the trust store " + cacerts, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("rewriting the trust store " + cacerts + ": " + e, e);
    }
  }
}

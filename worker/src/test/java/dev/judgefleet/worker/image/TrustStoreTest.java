package dev.judgefleet.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {
  private static final Path HOST_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  @TempDir Path tree;

  @Test
  void twoRewritesGiveTheSameBytesAndTheJdkReadsEveryCertificate() throws Exception {
    assumeTrue(Files.isRegularFile(HOST_BUNDLE), "no CA bundle on this machine");
    Files.createDirectories(tree.resolve("etc/ssl/certs/java"));
    Files.copy(HOST_BUNDLE, tree.resolve("etc/ssl/certs/ca-certificates.crt"));
    Path cacerts = tree.resolve(TrustStore.CACERTS);
    Files.writeString(cacerts, "keytool's, with a random salt");

    int count = TrustStore.rewrite(tree);
    byte[] first = Files.readAllBytes(cacerts);
    Thread.sleep(1100); // a store that kept a time would differ now
    TrustStore.rewrite(tree);
    assertArrayEquals(first, Files.readAllBytes(cacerts));

    assertTrue(count > 50, "only " + count + " certificates in " + HOST_BUNDLE);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(cacerts)) {
      store.load(in, "changeit".toCharArray());
    }
    assertEquals(count, Collections.list(store.aliases()).size());
    String alias = store.aliases().nextElement();
    assertTrue(store.isCertificateEntry(alias), alias + " is no trusted certificate");
  }

  @Test
  void aTreeWithoutAJavaTrustStoreIsLeftAlone() {
    assertEquals(0, TrustStore.rewrite(tree));
  }
}

package com.firsthand.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.infra.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaBundleTrustTest {

    @TempDir
    Path dir;

    @Test
    void trustsTheJdkDefaultsAndTheBundle() throws Exception {
        TestCa ca = TestCa.create(dir.resolve("ca"), "Bundle Test CA");

        X509Certificate[] trusted = CaBundleTrust.jdkDefaultsPlus(ca.certificate()).trustManager()
                .getAcceptedIssuers();

        X509Certificate[] jdk = jdkDefaults().getAcceptedIssuers();
        assertThat(jdk).isNotEmpty();
        assertThat(trusted).hasSize(jdk.length + 1).contains(jdk);
        assertThat(Arrays.stream(trusted).map(c -> c.getSubjectX500Principal().getName()))
                .contains("CN=Bundle Test CA");
        assertThat(jdkDefaults().getAcceptedIssuers()).as("the JVM-wide default is left alone").hasSize(jdk.length);
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path missing = dir.resolve("missing-ca.crt");
        assertThatThrownBy(() -> CaBundleTrust.jdkDefaultsPlus(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the CA bundle " + missing);
    }

    @Test
    void aFileWithoutCertificatesIsRefused() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.crt"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        Path empty = Files.writeString(dir.resolve("empty.crt"), "");

        assertThatThrownBy(() -> CaBundleTrust.jdkDefaultsPlus(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the CA bundle " + garbage + " is not PEM X.509 certificates");
        assertThatThrownBy(() -> CaBundleTrust.jdkDefaultsPlus(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the CA bundle " + empty + " holds no certificate");
    }

    private static X509TrustManager jdkDefaults() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}

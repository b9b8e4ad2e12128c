package com.firsthand.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.infra.Ports;
import com.firsthand.infra.S3Server;
import com.firsthand.infra.TestCa;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.quarkiverse.minio.client.MiniosBuildTimeConfiguration;
import io.quarkiverse.minio.client.MiniosConfiguration;
import io.quarkiverse.minio.client.MinioRuntimeConfiguration;
import io.quarkiverse.minio.client.WithMetricsHttpClientProducer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object store's client over real TLS: S3Proxy serving HTTPS with a certificate for localhost and 127.0.0.1
 * signed by a test CA, which the client trusts only through firsthand.storage.trust-ca.
 */
class TrustingStorageHttpClientTest {

    private static final String ACCESS_KEY = "tls-test";
    private static final String SECRET_KEY = "tls-test-secret-key";
    private static final String BUCKET = "firsthand";

    @TempDir
    static Path dir;
    static TestCa internalCa;
    static TestCa otherCa;
    static S3Server s3;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeAll
    static void startTheStoreOverTls() {
        internalCa = TestCa.create(dir.resolve("internal-ca"), "FirstHand Test Internal CA");
        otherCa = TestCa.create(dir.resolve("other-ca"), "Some Other CA");
        Path keyStore = internalCa.issueServerKeyStore("minio", List.of("localhost"), List.of("127.0.0.1"));
        s3 = S3Server.startTls(dir.resolve("s3"), Ports.free(), ACCESS_KEY, SECRET_KEY, keyStore, TestCa.PASSWORD);
    }

    @AfterAll
    static void stopTheStore() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aClientTrustingTheInternalCaWritesAndReadsOverTlsWithTheExtensionsMetrics() throws Exception {
        MinioClient minio = minio("localhost", httpClient(Optional.of(internalCa.certificate())));
        byte[] content = "a photo of a mailbox".getBytes(StandardCharsets.UTF_8);

        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object("tls/object").contentType("text/plain")
                .stream(new ByteArrayInputStream(content), content.length, -1).build());

        assertThat(minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object("tls/object").build()).size())
                .isEqualTo(content.length);
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(BUCKET).object("tls/object").build())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(metrics.find("minio.client").timers()).as("the extension's HTTP metrics are kept").isNotEmpty();
    }

    @Test
    void withoutTheCaTheHandshakeFailsAndTheJvmWideTrustIsUnchanged() {
        httpClient(Optional.of(internalCa.certificate()));

        MinioClient minio = minio("localhost", httpClient(Optional.empty()));

        assertThatThrownBy(() -> minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aCaThatDidNotSignTheServersCertificateIsRefused() {
        MinioClient minio = minio("localhost", httpClient(Optional.of(otherCa.certificate())));

        assertThatThrownBy(() -> minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
        InetAddress server = InetAddress.getByName("127.0.0.1");
        OkHttpClient elsewhere = httpClient(Optional.of(internalCa.certificate())).newBuilder()
                .dns(host -> List.of(server)).build();
        MinioClient minio = minio("minio.elsewhere.test", elsewhere);

        assertThatThrownBy(() -> minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build()))
                .isInstanceOf(SSLPeerUnverifiedException.class)
                .hasMessageContaining("minio.elsewhere.test");
    }

    @Test
    void anUnusableCaFileStopsTheStartNamingTheSetting() throws Exception {
        Path missing = dir.resolve("missing.crt");
        Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate");

        assertThatThrownBy(() -> new TrustingStorageHttpClient(extension(), Optional.of(missing), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("firsthand.storage.trust-ca").hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> new TrustingStorageHttpClient(extension(), Optional.of(garbage), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("firsthand.storage.trust-ca").hasMessageContaining(garbage.toString());
    }

    @Test
    void aCaTheExtensionWouldNotApplyStopsTheStart() {
        assertThatThrownBy(() -> new TrustingStorageHttpClient(extension(), Optional.of(internalCa.certificate()),
                false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.minio.produce-metrics=true");
    }

    private OkHttpClient httpClient(Optional<Path> trustCa) {
        return new TrustingStorageHttpClient(extension(), trustCa, true)
                .apply(MiniosBuildTimeConfiguration.DEFAULT_MINIOCLIENT_NAME).orElseThrow();
    }

    private static MinioClient minio(String host, OkHttpClient httpClient) {
        return MinioClient.builder().endpoint("https://" + host + ":" + s3.port()).credentials(ACCESS_KEY, SECRET_KEY)
                .region("us-east-1").httpClient(httpClient).build();
    }

    /** The extension's producer as the services run it (quarkus.minio.produce-metrics at its default, true). */
    private WithMetricsHttpClientProducer extension() {
        return new WithMetricsHttpClientProducer(metrics, new MiniosConfiguration() {
            @Override
            public boolean produceMetrics() {
                return true;
            }

            @Override
            public Integer maximumAllowedTag() {
                return 100;
            }

            @Override
            public Optional<MinioRuntimeConfiguration> minio() {
                return Optional.empty();
            }

            @Override
            public Map<String, MinioRuntimeConfiguration> namedMinioClients() {
                return Map.of();
            }
        });
    }
}

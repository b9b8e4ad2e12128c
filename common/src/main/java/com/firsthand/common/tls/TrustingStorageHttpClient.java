package com.firsthand.common.tls;

import io.minio.http.HttpUtils;
import io.quarkiverse.minio.client.OptionalHttpClientProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The HTTP client of the object store's MinioClient: the MinIO extension's own (with its metrics), which, when
 * {@code firsthand.storage.trust-ca} names a CA bundle, also trusts that CA, for this client only; host names are
 * still verified. Each service that uses the store makes it its bean (its own {@code StorageHttpClient}, built at
 * start-up, so that an unusable CA file stops the start rather than failing uploads). Not a bean here: common is
 * shared by services without the MinIO extension, which is an optional dependency of this module.
 */
public class TrustingStorageHttpClient implements OptionalHttpClientProducer {

    private static final long DEFAULT_TIMEOUT_MILLIS = Duration.ofMinutes(5).toMillis();

    private final OptionalHttpClientProducer extension;
    private final Optional<CaBundleTrust> trust;

    /**
     * @param extensionAsks whether the extension asks this bean for a client: it does only while
     *     quarkus.minio.produce-metrics is true
     */
    public TrustingStorageHttpClient(OptionalHttpClientProducer extension, Optional<Path> trustCa,
            boolean extensionAsks) {
        if (trustCa.isPresent() && !extensionAsks) {
            throw new IllegalStateException("firsthand.storage.trust-ca needs quarkus.minio.produce-metrics=true:"
                    + " the MinIO extension applies its HTTP client (and so the CA) only then");
        }
        this.extension = extension;
        try {
            this.trust = trustCa.map(CaBundleTrust::jdkDefaultsPlus);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("firsthand.storage.trust-ca: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<OkHttpClient> apply(String clientName) {
        Optional<OkHttpClient> client = extension.apply(clientName);
        if (trust.isEmpty()) {
            return client;
        }
        OkHttpClient base = client.orElseGet(() -> HttpUtils.newDefaultHttpClient(DEFAULT_TIMEOUT_MILLIS,
                DEFAULT_TIMEOUT_MILLIS, DEFAULT_TIMEOUT_MILLIS));
        return Optional.of(base.newBuilder()
                .sslSocketFactory(trust.get().socketFactory(), trust.get().trustManager())
                .build());
    }
}

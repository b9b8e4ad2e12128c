package com.firsthand.submissions.repository;

import com.firsthand.common.tls.TrustingStorageHttpClient;
import com.firsthand.submissions.config.StorageConfig;
import io.quarkiverse.minio.client.MiniosConfiguration;
import io.quarkiverse.minio.client.WithMetricsHttpClientProducer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The object store client's HTTP client (common's {@link TrustingStorageHttpClient}), in place of the MinIO
 * extension's own, built at start-up so that an unusable {@code firsthand.storage.trust-ca} stops the start.
 */
@Alternative
@Priority(1)
@Singleton
@Startup
public class StorageHttpClient extends TrustingStorageHttpClient {

    @Inject
    StorageHttpClient(WithMetricsHttpClientProducer extension, MiniosConfiguration minio, StorageConfig config) {
        super(extension, config.trustCa(), minio.produceMetrics());
    }
}

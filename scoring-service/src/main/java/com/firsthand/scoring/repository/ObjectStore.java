package com.firsthand.scoring.repository;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Reads uploaded files from the object store (MinIO API) into a temporary file, retrying transient failures. */
@ApplicationScoped
public class ObjectStore {

    private static final RetryPolicy<Object> RETRY = RetryPolicy.builder().handle(Exception.class)
            .withMaxRetries(3).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0.25).build();

    private final MinioClient minio;

    public ObjectStore(MinioClient minio) {
        this.minio = minio;
    }

    /** The caller deletes the file. */
    public Path download(String bucket, String key) throws IOException {
        Path file = Files.createTempFile("scoring-", ".upload");
        try {
            Failsafe.with(RETRY).run(() -> {
                try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            });
            return file;
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw new IOException("cannot read " + bucket + "/" + key + " from the object store", e);
        }
    }
}

package com.firsthand.submissions.repository;

import com.firsthand.submissions.config.StorageConfig;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/** Previews made once and kept in the object store under previews/, apart from quarantine/ and the job folders. */
@ApplicationScoped
public class PreviewStore {

    public static final String PREVIEWS = "previews/";

    private final MinioClient minio;
    private final StorageConfig config;

    public PreviewStore(MinioClient minio, StorageConfig config) {
        this.minio = minio;
        this.config = config;
    }

    public static String key(String orgId, String jobId, String submissionId) {
        return PREVIEWS + orgId + "/" + jobId + "/" + submissionId + ".jpg";
    }

    /** The stored preview, or empty when none was made yet. */
    public Optional<byte[]> find(String key) {
        return FileStorage.withRetries("read " + key, () -> {
            try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(config.bucket()).object(key)
                    .build())) {
                return Optional.of(in.readAllBytes());
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.<byte[]>empty();
                }
                throw e;
            }
        });
    }

    public void put(String key, byte[] jpeg) {
        FileStorage.withRetries("store " + key, () -> minio.putObject(PutObjectArgs.builder()
                .bucket(config.bucket()).object(key).stream(new ByteArrayInputStream(jpeg), jpeg.length, -1)
                .contentType("image/jpeg").build()));
    }
}

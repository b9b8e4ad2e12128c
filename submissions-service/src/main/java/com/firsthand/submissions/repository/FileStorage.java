package com.firsthand.submissions.repository;

import com.firsthand.submissions.config.StorageConfig;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedRunnable;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.http.Method;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Files in the object store (MinIO API): uploads go under quarantine/ until scored. Calls are retried: the HTTP
 * client may reuse a connection the store has just closed, which fails a request that is safe to repeat.
 */
@ApplicationScoped
public class FileStorage {

    private static final Logger LOG = Logger.getLogger(FileStorage.class);

    private static final RetryPolicy<Object> RETRY = RetryPolicy.builder().handle(Exception.class)
            .withMaxRetries(3).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0.25).build();

    private final MinioClient minio;
    private final MinioClient signer;
    private final StorageConfig config;

    public FileStorage(MinioClient minio, StorageConfig config,
            @ConfigProperty(name = "quarkus.minio.access-key") String accessKey,
            @ConfigProperty(name = "quarkus.minio.secret-key") String secretKey) {
        this.minio = minio;
        this.config = config;
        this.signer = config.publicUrl().map(url -> MinioClient.builder().endpoint(url.toString())
                .credentials(accessKey, secretKey).region(config.region()).build()).orElse(minio);
    }

    void onStart(@Observes StartupEvent event) {
        try {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).build());
            }
        } catch (Exception e) {
            LOG.warnf("Bucket %s not ready at start-up (retried on first upload): %s", config.bucket(), e.toString());
        }
    }

    public String bucket() {
        return config.bucket();
    }

    public static String quarantineKey(String orgId, String jobId, String submissionId) {
        return "quarantine/" + orgId + "/" + jobId + "/" + submissionId;
    }

    public static String jobFileKey(String orgId, String jobId, String fileId) {
        return "orgs/" + orgId + "/jobs/" + jobId + "/files/" + fileId;
    }

    /** Server-side copy; copying again to the same key is harmless. */
    public void copy(String fromKey, String toKey) {
        withRetries("copy " + fromKey + " to " + toKey, () -> minio.copyObject(CopyObjectArgs.builder()
                .bucket(config.bucket()).object(toKey)
                .source(CopySource.builder().bucket(config.bucket()).object(fromKey).build()).build()));
    }

    /** A GET URL for the object, signed for {@code validity}; refused by the store once expired or altered. */
    public String presignedGet(String key, java.time.Duration validity) {
        try {
            return signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(config.bucket()).object(key).expiry((int) validity.toSeconds()).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a URL for " + key, e);
        }
    }

    /** Streams the file to the store; the file is never held in memory whole. */
    public void put(String key, Path file, String contentType) {
        withRetries("store " + key, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                minio.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                        .stream(in, Files.size(file), -1).contentType(contentType).build());
            }
        });
    }

    private static void withRetries(String what, CheckedRunnable call) {
        try {
            Failsafe.with(RETRY).run(call);
        } catch (FailsafeException e) {
            throw new StorageUnavailableException("cannot " + what, e.getCause());
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("cannot " + what, e);
        }
    }
}

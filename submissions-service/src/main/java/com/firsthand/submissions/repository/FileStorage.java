package com.firsthand.submissions.repository;

import com.firsthand.submissions.config.StorageConfig;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedRunnable;
import dev.failsafe.function.CheckedSupplier;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.http.Method;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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

    public static final String QUARANTINE = "quarantine/";

    /** An object's key and when it was last written. */
    public record StoredObject(String key, Instant lastModified) {
    }

    public static String quarantineKey(String orgId, String jobId, String submissionId) {
        return QUARANTINE + orgId + "/" + jobId + "/" + submissionId;
    }

    /** The submission id a key made by {@link #quarantineKey} ends with; empty for any other key. */
    public static Optional<String> submissionIdOf(String quarantineKey) {
        String[] parts = quarantineKey.split("/", -1);
        boolean laidOut = parts.length == 4 && quarantineKey.startsWith(QUARANTINE)
                && !parts[1].isEmpty() && !parts[2].isEmpty() && !parts[3].isEmpty();
        return laidOut ? Optional.of(parts[3]) : Optional.empty();
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

    /** Writes the object's content to {@code target} (replaced if present), streamed. */
    public void download(String key, Path target) {
        withRetries("read " + key, () -> {
            GetObjectArgs args = GetObjectArgs.builder().bucket(config.bucket()).object(key).build();
            try (InputStream in = minio.getObject(args)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        });
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

    /**
     * One page of the objects under {@code prefix}, all levels deep, in key order, after the key {@code startAfter}
     * (null: from the first). Fewer than {@code max} objects means the listing is complete.
     */
    public List<StoredObject> list(String prefix, String startAfter, int max) {
        ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(config.bucket()).prefix(prefix)
                .recursive(true).maxKeys(max);
        if (startAfter != null) {
            args.startAfter(startAfter);
        }
        return withRetries("list " + prefix, () -> {
            List<StoredObject> page = new ArrayList<>(max);
            Iterator<Result<Item>> items = minio.listObjects(args.build()).iterator();
            while (page.size() < max && items.hasNext()) {
                Item item = items.next().get();
                if (!item.isDir()) {
                    page.add(new StoredObject(item.objectName(), item.lastModified().toInstant()));
                }
            }
            return page;
        });
    }

    /** Deletes the objects in batch requests; a missing key counts as deleted. Returns the keys not deleted. */
    public List<String> delete(List<String> keys) {
        List<DeleteObject> objects = keys.stream().map(DeleteObject::new).toList();
        return withRetries("delete " + keys.size() + " objects", () -> {
            List<String> notDeleted = new ArrayList<>();
            // Lazy: the requests are sent while the results are read.
            for (Result<DeleteError> error : minio.removeObjects(RemoveObjectsArgs.builder().bucket(config.bucket())
                    .objects(objects).build())) {
                DeleteError refused = error.get();
                LOG.warnf("Object %s not deleted: %s %s", refused.objectName(), refused.code(), refused.message());
                notDeleted.add(refused.objectName());
            }
            return notDeleted;
        });
    }

    static void withRetries(String what, CheckedRunnable call) {
        withRetries(what, () -> {
            call.run();
            return null;
        });
    }

    static <T> T withRetries(String what, CheckedSupplier<T> call) {
        try {
            return Failsafe.with(RETRY).get(call);
        } catch (FailsafeException e) {
            throw new StorageUnavailableException("cannot " + what, e.getCause());
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("cannot " + what, e);
        }
    }
}

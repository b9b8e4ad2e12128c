package com.firsthand.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.repository.FileStorage;
import io.minio.MinioClient;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Download URLs are signed for the public host when one is configured; signing needs no call to the store. */
class PublicDownloadUrlTest {

    record Config(Optional<URI> publicUrl) implements StorageConfig {
        public String region() {
            return "us-east-1";
        }

        public String bucket() {
            return "firsthand";
        }

        public long maxFileBytes() {
            return 1;
        }

        public long maxImagePixels() {
            return 1;
        }

        public java.time.Duration rejectedRetention() {
            return java.time.Duration.ofDays(30);
        }

        public Optional<java.nio.file.Path> trustCa() {
            return Optional.empty();
        }
    }

    static final MinioClient UNREACHABLE_STORE = MinioClient.builder().endpoint("http://minio.internal:9000")
            .credentials("key", "secret").region("us-east-1").build();

    @Test
    void urlsAreSignedForThePublicHost() {
        FileStorage storage = new FileStorage(UNREACHABLE_STORE,
                new Config(Optional.of(URI.create("https://files.example.com"))), "key", "secret");
        String url = storage.presignedGet("orgs/o/jobs/j/files/f", Duration.ofHours(1));
        assertThat(url).startsWith("https://files.example.com/firsthand/orgs/o/jobs/j/files/f?")
                .contains("X-Amz-Signature=").contains("X-Amz-Expires=3600");
    }

    @Test
    void withoutAPublicHostTheStoresOwnEndpointIsUsed() {
        FileStorage storage = new FileStorage(UNREACHABLE_STORE, new Config(Optional.empty()), "key", "secret");
        assertThat(storage.presignedGet("k", Duration.ofMinutes(5))).startsWith("http://minio.internal:9000/firsthand/k?");
    }
}

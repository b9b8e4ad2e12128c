package com.firsthand.scoring.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** How scoring-service reaches the object store, besides the extension's quarkus.minio.* settings. */
@ConfigMapping(prefix = "firsthand.storage")
public interface StorageConfig {

    /**
     * A PEM bundle of the CA that certifies the store's TLS certificate (an internal CA), trusted by the store's
     * client only, besides the JDK's default CAs. A file that cannot be read or holds no certificate stops the start.
     */
    Optional<Path> trustCa();
}

package com.firsthand.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "firsthand.storage")
public interface StorageConfig {

    /** The bucket holding quarantined uploads and buyers' job folders. */
    @WithDefault("firsthand")
    String bucket();

    /**
     * Where buyers download files from, when that is not the address this service reaches the store at (a public
     * host name in front of MinIO, say). Download URLs are signed for this host. Default: the store's endpoint.
     */
    Optional<URI> publicUrl();

    /**
     * A PEM bundle of the CA that certifies the store's TLS certificate (an internal CA), trusted by the store's
     * client only, besides the JDK's default CAs. A file that cannot be read or holds no certificate stops the start.
     */
    Optional<Path> trustCa();

    /** The store's region, used when signing for {@link #publicUrl()} (no round trip to ask the store). */
    @WithDefault("us-east-1")
    String region();

    /** Largest accepted file, in bytes (default 50 MiB). */
    @WithDefault("52428800")
    long maxFileBytes();

    /** Largest accepted image, in pixels, read from the header before any decode (decompression bombs). */
    @WithDefault("100000000")
    long maxImagePixels();

    /**
     * How long the original of a rejected submission is kept after its score (for appeals and buyer overrides);
     * past it the original and its preview are deleted.
     */
    @WithDefault("P30D")
    Duration rejectedRetention();
}

package com.firsthand.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "firsthand.storage")
public interface StorageConfig {

    /** The bucket holding quarantined uploads and buyers' job folders. */
    @WithDefault("firsthand")
    String bucket();

    /** Largest accepted file, in bytes (default 50 MiB). */
    @WithDefault("52428800")
    long maxFileBytes();

    /** Largest accepted image, in pixels, read from the header before any decode (decompression bombs). */
    @WithDefault("100000000")
    long maxImagePixels();
}

package com.firsthand.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Previews: what a buyer sees of an image before it is approved (downscaled, watermarked, no metadata). */
@ConfigMapping(prefix = "firsthand.preview")
public interface PreviewConfig {

    /** Longest side of a preview, in pixels. A preview already made keeps its size (it is cached). */
    @WithDefault("512")
    int maxSide();

    /** Previews made at once per instance; decoding is the costly part. */
    @WithDefault("2")
    int concurrency();

    /** How long a request waits for a free decoder before it is answered 503. */
    @WithDefault("PT10S")
    Duration queueTimeout();
}

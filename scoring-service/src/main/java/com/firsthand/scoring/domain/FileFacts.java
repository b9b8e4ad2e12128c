package com.firsthand.scoring.domain;

import java.awt.image.BufferedImage;

/**
 * What was read from a submitted file.
 *
 * @param detectedType media type sniffed from the bytes
 * @param unreadable   why the file could not be read as its type, or null
 * @param width        full-size pixel width of an image, else null
 * @param gray         the image's luminance at analysis scale, else null
 * @param preview      the image downscaled for an LLM, else null
 * @param dhash        the image's perceptual hash, else null
 * @param location     where the photo's EXIF says it was taken, else null
 * @param summary      for non-images: what a basic check could tell (length, duration)
 */
public record FileFacts(String detectedType, String sha256, String unreadable, Integer width, Integer height,
        GrayImage gray, BufferedImage preview, Long dhash, GeoPoint location, String summary) {

    public boolean isImage() {
        return gray != null;
    }

    public static FileFacts unreadable(String detectedType, String sha256, String why) {
        return new FileFacts(detectedType, sha256, why, null, null, null, null, null, null, null);
    }

    public static FileFacts document(String detectedType, String sha256, String summary) {
        return new FileFacts(detectedType, sha256, null, null, null, null, null, null, null, summary);
    }
}

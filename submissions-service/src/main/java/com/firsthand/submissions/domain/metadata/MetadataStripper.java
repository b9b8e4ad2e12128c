package com.firsthand.submissions.domain.metadata;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Rewrites a delivered image without the metadata that can identify or locate the worker (EXIF with GPS and
 * device serials, XMP, IPTC, comments, text chunks, timestamps). The rewrite is at container level: compressed
 * image data is copied byte for byte, so the file decodes to the same pixels. Each format keeps a short list of
 * structures it knows are needed to render the image and drops everything else, so unknown metadata goes too.
 * Anything after the format's end marker (e.g. a phone's appended depth map with its own EXIF) is dropped.
 */
public final class MetadataStripper {

    private static final Set<String> REWRITTEN = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private MetadataStripper() {
    }

    /** True for the media types rewritten here; other files (pdf, audio, video, text) are delivered as uploaded. */
    public static boolean rewrites(String mediaType) {
        return REWRITTEN.contains(mediaType);
    }

    /** Writes {@code source} without its metadata to {@code target} (replaced if present). */
    public static void strip(String mediaType, Path source, Path target) throws IOException {
        if ("image/webp".equals(mediaType)) {
            WebpMetadata.strip(source, target);
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            switch (mediaType) {
                case "image/jpeg" -> JpegMetadata.strip(in, out);
                case "image/png" -> PngMetadata.strip(in, out);
                case "image/gif" -> GifMetadata.strip(in, out);
                default -> throw new IllegalArgumentException(mediaType + " is not rewritten");
            }
        }
    }

    /** The bytes do not start like the format they were sniffed as. */
    public static final class NotThatFormatException extends IOException {
        NotThatFormatException(String message) {
            super(message);
        }
    }

    static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new java.io.EOFException();
        }
        return b;
    }

    static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new java.io.EOFException();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    static void skip(InputStream in, long length) throws IOException {
        copy(in, OutputStream.nullOutputStream(), length);
    }
}

package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.formats.MediaTypeSniffer;
import com.firsthand.common.formats.SupportedFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded file really is: its type sniffed from its bytes (the client's Content-Type is ignored), its
 * SHA-256, and for images the dimensions read from the header alone, so a decompression bomb is refused before
 * anything decodes it.
 */
public final class FileInspector {

    public record Inspection(String contentType, long sizeBytes, String sha256, Integer width, Integer height) {
    }

    private final long maxImagePixels;

    public FileInspector(long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    public Inspection inspect(Path file) {
        try {
            String type = MediaTypeSniffer.sniff(file);
            long size = Files.size(file);
            if (!SupportedFormats.isSupported(type)) {
                return new Inspection(type, size, sha256(file), null, null);
            }
            Integer width = null;
            Integer height = null;
            if (SupportedFormats.isImage(type)) {
                int[] dimensions = dimensions(file);
                width = dimensions[0] == 0 ? null : dimensions[0];
                height = dimensions[1] == 0 ? null : dimensions[1];
            }
            return new Inspection(type, size, sha256(file), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int[] dimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new int[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw unreadable();
                }
                if ((long) width * height > maxImagePixels) {
                    throw new InvalidParameterException("file", "The image is " + width + "x" + height
                            + " pixels; at most " + maxImagePixels + " pixels are accepted.");
                }
                return new int[] {width, height};
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidParameterException refused) {
                    throw refused;
                }
                throw unreadable();
            } finally {
                reader.dispose();
            }
        }
    }

    private static InvalidParameterException unreadable() {
        return new InvalidParameterException("file", "The image is corrupt or truncated: its header cannot be read.");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

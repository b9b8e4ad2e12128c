package com.firsthand.common.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image bounded in memory: the size is read from the header first, so a decompression bomb is refused
 * before any pixel is allocated, and the pixels are decoded subsampled to about {@code maxSide}. A JPEG's EXIF
 * orientation comes with it (other formats' metadata, such as PNG's compressed text, is not read).
 */
public final class SampledImage {

    /** @param width, height the stored (not oriented) size from the header; warnings the decoder's, in order */
    public record Read(int width, int height, BufferedImage image, int orientation, List<String> warnings) {
    }

    public static final class NoDecoderException extends IOException {
        NoDecoderException() {
            super("no image decoder recognises it");
        }
    }

    public static final class TooLargeException extends IOException {
        private final int width;
        private final int height;

        TooLargeException(int width, int height) {
            super(width + "x" + height + " pixels");
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    private SampledImage() {
    }

    /**
     * @param lenientOrientation true: JPEG metadata the reader cannot parse counts as no orientation (the photo is
     *                           read as stored) instead of failing the read
     */
    public static Read read(Path file, long maxPixels, int maxSide, boolean lenientOrientation) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new NoDecoderException();
            }
            ImageReader reader = readers.next();
            try {
                boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
                reader.setInput(in, true, !jpeg);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > maxPixels) {
                    throw new TooLargeException(width, height);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / maxSide);
                param.setSourceSubsampling(step, step, 0, 0);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0, param);
                int orientation = jpeg ? orientation(reader, lenientOrientation) : ExifOrientation.NORMAL;
                return new Read(width, height, image, orientation, List.copyOf(warnings));
            } finally {
                reader.dispose();
            }
        }
    }

    private static int orientation(ImageReader reader, boolean lenient) throws IOException {
        try {
            return ExifOrientation.of(reader.getImageMetadata(0));
        } catch (IOException | RuntimeException unreadable) {
            if (lenient) {
                return ExifOrientation.NORMAL;
            }
            throw unreadable;
        }
    }
}

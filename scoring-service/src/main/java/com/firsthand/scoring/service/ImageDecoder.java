package com.firsthand.scoring.service;

import com.firsthand.common.formats.ExifOrientation;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
 * Decodes images with ImageIO (JPEG, PNG, GIF; WebP through TwelveMonkeys). The size is read from the header
 * first, so a decompression bomb is refused before any pixel is allocated; big photos are decoded subsampled to
 * about twice the analysis scale, which bounds memory at a few tens of megabytes whatever the camera. A JPEG's
 * EXIF orientation is applied ({@link ExifOrientation}, shared with submissions-service's previews): the size and
 * the pixels are those of the photo as it is seen, so a portrait phone photo stored landscape is measured,
 * analysed and sent to a provider upright.
 */
@ApplicationScoped
public class ImageDecoder {

    private static final int DECODE_MAX_SIDE = 2 * FileAnalyzer.ANALYSIS_MAX_SIDE;

    /**
     * @param width  the full-size width as displayed (EXIF orientation applied)
     * @param height the full-size height as displayed
     * @param image  the pixels, upright, possibly subsampled
     */
    public record Decoded(int width, int height, BufferedImage image) {
    }

    public static class UndecodableException extends Exception {
        public UndecodableException(String message) {
            super(message);
        }
    }

    public Decoded decode(Path file, long maxPixels) throws UndecodableException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UndecodableException("no image decoder recognises it");
            }
            ImageReader reader = readers.next();
            try {
                // JPEG metadata is needed for the orientation; other formats' (PNG's compressed text) is skipped.
                boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
                reader.setInput(in, true, !jpeg);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > maxPixels) {
                    throw new UndecodableException("its header declares " + width + "×" + height + " pixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / DECODE_MAX_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    throw new UndecodableException("the image data is damaged or truncated (" + warnings.get(0) + ")");
                }
                int orientation = jpeg ? orientation(reader) : ExifOrientation.NORMAL;
                boolean swaps = ExifOrientation.swapsSides(orientation);
                return new Decoded(swaps ? height : width, swaps ? width : height,
                        ExifOrientation.apply(image, orientation));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UndecodableException("the image data is damaged or truncated (" + e.getMessage() + ")");
        }
    }

    /** Metadata the JPEG reader cannot parse leaves the pixels as stored rather than failing a readable photo. */
    private static int orientation(ImageReader reader) {
        try {
            return ExifOrientation.of(reader.getImageMetadata(0));
        } catch (IOException | RuntimeException unreadableMetadata) {
            return ExifOrientation.NORMAL;
        }
    }

    /** A copy whose longer side is at most {@code maxSide}, for sending to a provider. */
    public static BufferedImage downscale(BufferedImage image, int maxSide) {
        double scale = Math.min(1.0, maxSide / (double) Math.max(image.getWidth(), image.getHeight()));
        if (scale >= 1.0 && !image.getColorModel().hasAlpha()) {
            return image;
        }
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}

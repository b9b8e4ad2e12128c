package com.firsthand.scoring.service;

import com.firsthand.common.formats.ExifOrientation;
import com.firsthand.common.formats.SampledImage;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

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
        SampledImage.Read read;
        try {
            read = SampledImage.read(file, maxPixels, DECODE_MAX_SIDE, true);
        } catch (SampledImage.NoDecoderException e) {
            throw new UndecodableException("no image decoder recognises it");
        } catch (SampledImage.TooLargeException e) {
            throw new UndecodableException("its header declares " + e.width() + "×" + e.height() + " pixels");
        } catch (IOException | RuntimeException e) {
            throw new UndecodableException("the image data is damaged or truncated (" + e.getMessage() + ")");
        }
        if (!read.warnings().isEmpty()) {
            throw new UndecodableException("the image data is damaged or truncated (" + read.warnings().get(0) + ")");
        }
        boolean swaps = ExifOrientation.swapsSides(read.orientation());
        return new Decoded(swaps ? read.height() : read.width(), swaps ? read.width() : read.height(),
                ExifOrientation.apply(read.image(), read.orientation()));
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

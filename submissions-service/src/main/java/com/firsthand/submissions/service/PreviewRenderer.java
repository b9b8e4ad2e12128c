package com.firsthand.submissions.service;

import com.firsthand.common.formats.ExifOrientation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The preview of an image: turned as its EXIF orientation says, at most {@code maxSide} pixels on its longer side,
 * watermarked, and re-encoded as a JPEG from the pixels alone, so nothing of the original's EXIF, XMP, IPTC, ICC
 * profile or comments survives. The pixel count is read from the header first (a decompression bomb is refused
 * before any decode) and the decode is subsampled to about the preview's size, which bounds memory whatever the
 * camera.
 */
public final class PreviewRenderer {

    private static final float QUALITY = 0.8f;

    /** The file cannot be decoded into a preview (no decoder for it, corrupt, or too many pixels). */
    public static class UnrenderableException extends Exception {
        public UnrenderableException(String message) {
            super(message);
        }
    }

    private final int maxSide;
    private final long maxPixels;

    public PreviewRenderer(int maxSide, long maxPixels) {
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    public byte[] render(Path image) throws UnrenderableException {
        Decoded decoded = decode(image);
        BufferedImage preview = ExifOrientation.apply(scaled(decoded.image()), decoded.orientation());
        Watermark.apply(preview);
        return jpeg(preview);
    }

    private record Decoded(BufferedImage image, int orientation) {
    }

    private Decoded decode(Path file) throws UnrenderableException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UnrenderableException("no image decoder recognises the file");
            }
            ImageReader reader = readers.next();
            try {
                // JPEG metadata is needed for the orientation; other formats' (PNG's compressed text) is skipped.
                boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
                reader.setInput(in, true, !jpeg);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > maxPixels) {
                    throw new UnrenderableException("the header declares " + width + "x" + height + " pixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / maxSide);
                param.setSourceSubsampling(step, step, 0, 0);
                int orientation = jpeg ? ExifOrientation.of(reader.getImageMetadata(0)) : ExifOrientation.NORMAL;
                return new Decoded(reader.read(0, param), orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnrenderableException("the image cannot be decoded (" + e.getMessage() + ")");
        }
    }

    /** An RGB copy at most maxSide on its longer side; transparency is flattened onto white. */
    private BufferedImage scaled(BufferedImage image) {
        double scale = Math.min(1.0, maxSide / (double) Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            // No metadata passed: the writer emits a bare JFIF header, nothing taken from the original.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a preview", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

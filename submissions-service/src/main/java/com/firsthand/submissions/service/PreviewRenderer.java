package com.firsthand.submissions.service;

import com.firsthand.common.formats.ExifOrientation;
import com.firsthand.common.formats.SampledImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
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
        try {
            SampledImage.Read read = SampledImage.read(file, maxPixels, maxSide, false);
            return new Decoded(read.image(), read.orientation());
        } catch (SampledImage.NoDecoderException e) {
            throw new UnrenderableException("no image decoder recognises the file");
        } catch (SampledImage.TooLargeException e) {
            throw new UnrenderableException("the header declares " + e.width() + "x" + e.height() + " pixels");
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

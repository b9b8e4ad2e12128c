package com.firsthand.common.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Seeded synthetic "photos" (a lit scene of shapes, edges and texture) and the flaws the local
 * scorer must notice — blur, darkness, blown highlights, noise, tiny size — plus near-copies for duplicate tests.
 */
public final class SyntheticPhotos {

    private SyntheticPhotos() {
    }

    public static BufferedImage scene(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(90 + random.nextInt(60), 120 + random.nextInt(60), 170),
                width, height, new Color(60 + random.nextInt(40), 90, 60 + random.nextInt(50))));
        g.fillRect(0, 0, width, height);
        double scale = width / 1600.0;
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(220) + 20, random.nextInt(220) + 20, random.nextInt(220) + 20));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int w = (int) ((40 + random.nextInt(300)) * scale) + 1;
            int h = (int) ((40 + random.nextInt(300)) * scale) + 1;
            if (random.nextBoolean()) {
                g.fillRect(x, y, w, h);
            } else {
                g.fillOval(x, y, w, h);
            }
        }
        g.setStroke(new BasicStroke((float) Math.max(1, 2 * scale)));
        for (int i = 0; i < 600; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            g.drawLine(x, y, x + (int) ((random.nextInt(60) - 30) * scale), y + (int) ((random.nextInt(60) - 30) * scale));
        }
        g.dispose();
        return image;
    }

    public static BufferedImage blurred(BufferedImage image, int radius) {
        int size = radius * 2 + 1;
        float[] weights = new float[size];
        float sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - radius;
            weights[i] = (float) Math.exp(-d * d / (2.0 * radius * radius / 4));
            sum += weights[i];
        }
        for (int i = 0; i < size; i++) {
            weights[i] /= sum;
        }
        BufferedImage horizontal = new ConvolveOp(new Kernel(size, 1, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(image, null);
        return new ConvolveOp(new Kernel(1, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(horizontal, null);
    }

    /** Every channel mapped through {@code value * gain + offset}, clipped to 0-255. */
    public static BufferedImage exposed(BufferedImage image, double gain, double offset) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = clip(((rgb >> 16) & 0xff) * gain + offset);
                int gr = clip(((rgb >> 8) & 0xff) * gain + offset);
                int b = clip((rgb & 0xff) * gain + offset);
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    public static BufferedImage noisy(BufferedImage image, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double n = random.nextGaussian() * sigma;
                out.setRGB(x, y, (clip(((rgb >> 16) & 0xff) + n) << 16) | (clip(((rgb >> 8) & 0xff) + n) << 8)
                        | clip((rgb & 0xff) + n));
            }
        }
        return out;
    }

    public static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** Cuts {@code fraction} off each edge. */
    public static BufferedImage cropped(BufferedImage image, double fraction) {
        int dx = (int) (image.getWidth() * fraction);
        int dy = (int) (image.getHeight() * fraction);
        return image.getSubimage(dx, dy, image.getWidth() - 2 * dx, image.getHeight() - 2 * dy);
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        try {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            ImageWriter writer = writers.next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF GPS position (Apache Commons Imaging, lossless rewrite). */
    public static byte[] withGps(byte[] jpeg, double latitude, double longitude) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(longitude, latitude);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF Orientation tag (1-8; 6: turn 90° clockwise to view), rewritten losslessly. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored landscape: the left half black, the right half white, so a turn shows in which half is dark. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    private static int clip(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}

package com.firsthand.common.formats;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * A photo's EXIF orientation (tag 0x0112 of IFD0, 1-8): cameras store the sensor's pixels and say how to turn them
 * for display. The one place that reads the tag (from raw EXIF bytes or from the APP1 segment ImageIO's JPEG reader
 * hands over as an unknown marker), writes the minimal EXIF block that keeps it, and turns pixels upright.
 */
public final class ExifOrientation {

    /** Stored as it is seen: nothing to do. */
    public static final int NORMAL = 1;

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    private static final int APP1 = 0xE1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;
    private static final int LONG = 4;

    private ExifOrientation() {
    }

    /** Orientations 5-8 turn the picture a quarter: the displayed width is the stored height. */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The orientation in a JPEG's ImageIO metadata; {@link #NORMAL} when there is none or it cannot be read. */
    public static int of(IIOMetadata metadata) {
        if (metadata == null || !Arrays.asList(metadata.getMetadataFormatNames()).contains(JPEG_METADATA)) {
            return NORMAL;
        }
        Node root = metadata.getAsTree(JPEG_METADATA);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("markerSequence".equals(n.getNodeName())) {
                for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof IIOMetadataNode unknown && "unknown".equals(m.getNodeName())
                            && String.valueOf(APP1).equals(unknown.getAttribute("MarkerTag"))
                            && unknown.getUserObject() instanceof byte[] data) {
                        int orientation = fromApp1(data);
                        if (orientation != NORMAL) {
                            return orientation;
                        }
                    }
                }
            }
        }
        return NORMAL;
    }

    /** The orientation in an APP1 payload starting with "Exif\0\0"; {@link #NORMAL} when absent or unreadable. */
    public static int fromApp1(byte[] app1) {
        if (app1 == null || app1.length < 14 || !"Exif".equals(new String(app1, 0, 4, StandardCharsets.US_ASCII))) {
            return NORMAL;
        }
        return fromTiff(app1, 6);
    }

    /** The orientation in the TIFF structure starting at {@code tiff}; {@link #NORMAL} when absent or unreadable. */
    public static int fromTiff(byte[] exif, int tiff) {
        if (exif == null || tiff < 0 || exif.length < tiff + 8) {
            return NORMAL;
        }
        boolean little = exif[tiff] == 'I' && exif[tiff + 1] == 'I';
        boolean big = exif[tiff] == 'M' && exif[tiff + 1] == 'M';
        if (!little && !big) {
            return NORMAL;
        }
        long ifd = tiff + u32(exif, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > exif.length) {
            return NORMAL;
        }
        int entries = u16(exif, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + i * 12L;
            if (entry + 12 > exif.length) {
                return NORMAL;
            }
            int at = (int) entry;
            if (u16(exif, at, little) == ORIENTATION_TAG) {
                int type = u16(exif, at + 2, little);
                long value = type == SHORT ? u16(exif, at + 8, little) : type == LONG ? u32(exif, at + 8, little) : 0;
                return value >= 1 && value <= 8 ? (int) value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** An APP1 payload: "Exif\0\0", a big-endian TIFF header and one IFD with the Orientation tag only. */
    public static byte[] minimalExif(int orientation) {
        return new byte[] {'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, SHORT, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
    }

    /** The image as it is meant to be seen (an RGB copy when it must be turned or flipped, else the same image). */
    public static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean swaps = swapsSides(orientation);
        BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | (second << 8) : (first << 8) | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return (high << 16) | low;
    }
}

package com.firsthand.submissions.service;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * A JPEG's EXIF orientation (tag 0x0112 of IFD0, 1-8), read from the APP1 segment ImageIO's JPEG reader hands over
 * as an unknown marker, and applied to pixels: cameras store the sensor's pixels and say how to turn them.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    private static final int APP1 = 0xE1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation in the image's EXIF data; {@link #NORMAL} when there is none or it cannot be read. */
    static int of(IIOMetadata metadata) {
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

    static int fromApp1(byte[] data) {
        try {
            if (data.length < 14 || !"Exif".equals(new String(data, 0, 4, StandardCharsets.US_ASCII))) {
                return NORMAL;
            }
            ByteBuffer tiff = ByteBuffer.wrap(data, 6, data.length - 6).slice();
            tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            int ifd = tiff.getInt(4);
            int entries = tiff.getShort(ifd) & 0xffff;
            for (int i = 0; i < entries; i++) {
                int entry = ifd + 2 + 12 * i;
                if ((tiff.getShort(entry) & 0xffff) == ORIENTATION_TAG) {
                    int value = tiff.getShort(entry + 8) & 0xffff;
                    return value >= 1 && value <= 8 ? value : NORMAL;
                }
            }
            return NORMAL;
        } catch (RuntimeException malformed) {
            return NORMAL;
        }
    }

    /** The image as it is meant to be seen. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }
}

package com.firsthand.submissions;

import java.util.ArrayList;
import java.util.List;

/** The markers of a JPEG's header segments, up to the start of scan: 0xE1 is APP1 (EXIF, XMP), 0xE2 ICC. */
public final class JpegSegments {

    public static final int APP1 = 0xE1;
    public static final int APP2 = 0xE2;
    public static final int APP13 = 0xED;

    private JpegSegments() {
    }

    public static List<Integer> markers(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG");
        }
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i] & 0xff) == 0xFF) {
            int marker = jpeg[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff));
        }
        return markers;
    }
}

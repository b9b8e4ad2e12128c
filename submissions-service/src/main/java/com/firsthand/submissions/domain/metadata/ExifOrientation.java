package com.firsthand.submissions.domain.metadata;

/** Reads the Orientation tag (0x0112) of an EXIF block's first IFD and writes an EXIF block holding only it. */
final class ExifOrientation {

    private static final int ORIENTATION = 0x0112;
    private static final int SHORT = 3;

    private ExifOrientation() {
    }

    /** The orientation (1-8) in the TIFF structure starting at {@code tiff}; 1 when absent or unreadable. */
    static int of(byte[] exif, int tiff) {
        if (exif.length < tiff + 8) {
            return 1;
        }
        boolean little = exif[tiff] == 'I' && exif[tiff + 1] == 'I';
        boolean big = exif[tiff] == 'M' && exif[tiff + 1] == 'M';
        if (!little && !big) {
            return 1;
        }
        long ifd = tiff + u32(exif, tiff + 4, little);
        if (ifd + 2 > exif.length) {
            return 1;
        }
        int entries = u16(exif, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > exif.length) {
                return 1;
            }
            if (u16(exif, entry, little) == ORIENTATION && u16(exif, entry + 2, little) == SHORT) {
                int value = u16(exif, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** An APP1 payload: "Exif\0\0", a big-endian TIFF header and one IFD with the Orientation tag only. */
    static byte[] minimalExif(int orientation) {
        return new byte[] {'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, SHORT, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
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

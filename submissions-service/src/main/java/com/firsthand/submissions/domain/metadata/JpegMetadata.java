package com.firsthand.submissions.domain.metadata;

import com.firsthand.common.formats.ExifOrientation;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JPEG: keeps the segments a decoder needs (tables, frame and scan headers, restart intervals), APP0 JFIF, APP2
 * ICC profiles and APP14 Adobe (its colour-transform flag changes how the pixels decode); drops every other APPn
 * (EXIF, XMP, IPTC/Photoshop, MPF, maker data) and comments. Entropy-coded data is copied untouched. An EXIF
 * orientation other than "normal" is kept as a minimal EXIF holding that one tag, so the image displays upright.
 */
final class JpegMetadata {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;

    private JpegMetadata() {
    }

    static void strip(InputStream in, OutputStream out) throws IOException {
        if (in.read() != 0xFF || in.read() != SOI) {
            throw new MetadataStripper.NotThatFormatException("not a JPEG: no start-of-image marker");
        }
        out.write(0xFF);
        out.write(SOI);
        try {
            int code = marker(in);
            while (code >= 0) {
                if (code == EOI) {
                    out.write(0xFF);
                    out.write(EOI);
                    return;
                }
                if (standalone(code)) {
                    out.write(0xFF);
                    out.write(code);
                    code = marker(in);
                    continue;
                }
                byte[] payload = segment(in);
                write(code, payload, out);
                code = code == SOS ? copyScan(in, out) : marker(in);
            }
        } catch (EOFException truncated) {
            // a truncated upload is delivered as truncated as it came
        }
    }

    /** The next marker's code, after optional fill bytes; -1 when what follows is not a marker. */
    private static int marker(InputStream in) throws IOException {
        if (MetadataStripper.read(in) != 0xFF) {
            return -1;
        }
        int code = MetadataStripper.read(in);
        while (code == 0xFF) {
            code = MetadataStripper.read(in);
        }
        return code;
    }

    private static boolean standalone(int code) {
        return code == 0x01 || (code >= 0xD0 && code <= 0xD7);
    }

    private static byte[] segment(InputStream in) throws IOException {
        int length = (MetadataStripper.read(in) << 8) | MetadataStripper.read(in);
        byte[] payload = in.readNBytes(Math.max(0, length - 2));
        if (payload.length < length - 2) {
            throw new EOFException();
        }
        return payload;
    }

    private static void write(int code, byte[] payload, OutputStream out) throws IOException {
        if (code == APP1 && startsWith(payload, "Exif\0\0")) {
            int orientation = ExifOrientation.fromApp1(payload);
            if (orientation > 1) {
                writeSegment(APP1, ExifOrientation.minimalExif(orientation), out);
            }
        } else if (kept(code, payload)) {
            writeSegment(code, payload, out);
        }
    }

    private static boolean kept(int code, byte[] payload) {
        if (code == COM || (code >= APP0 && code <= 0xEF)) {
            return (code == APP0 && startsWith(payload, "JFIF\0"))
                    || (code == APP2 && startsWith(payload, "ICC_PROFILE\0"))
                    || (code == APP14 && startsWith(payload, "Adobe"));
        }
        return true;
    }

    private static void writeSegment(int code, byte[] payload, OutputStream out) throws IOException {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(code);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload);
    }

    /** Copies entropy-coded data (stuffed bytes and restart markers included); returns the marker ending it. */
    private static int copyScan(InputStream in, OutputStream out) throws IOException {
        while (true) {
            int b = MetadataStripper.read(in);
            if (b != 0xFF) {
                out.write(b);
                continue;
            }
            int next = MetadataStripper.read(in);
            while (next == 0xFF) {
                next = MetadataStripper.read(in);
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
            } else {
                return next;
            }
        }
    }

    static boolean startsWith(byte[] payload, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (payload.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (payload[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}

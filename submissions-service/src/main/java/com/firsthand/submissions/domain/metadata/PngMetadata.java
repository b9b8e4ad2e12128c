package com.firsthand.submissions.domain.metadata;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * PNG: keeps the critical chunks and the ancillary ones that affect rendering (transparency, colour space,
 * gamma, physical size, animation); drops everything else, among them eXIf, tEXt, zTXt, iTXt and tIME. Chunks
 * are copied whole with their CRCs, so image data is untouched.
 */
final class PngMetadata {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "bKGD", "pHYs", "hIST", "cICP", "mDCv", "cLLi", "acTL", "fcTL", "fdAT");

    private PngMetadata() {
    }

    static void strip(InputStream source, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] signature = in.readNBytes(SIGNATURE.length);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new MetadataStripper.NotThatFormatException("not a PNG: no signature");
        }
        out.write(signature);
        try {
            while (true) {
                int length = in.readInt();
                byte[] type = in.readNBytes(4);
                if (type.length < 4 || length < 0) {
                    return;
                }
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (KEPT.contains(name)) {
                    writeInt(out, length);
                    out.write(type);
                    MetadataStripper.copy(in, out, length + 4L);
                } else {
                    MetadataStripper.skip(in, length + 4L);
                }
                if ("IEND".equals(name)) {
                    return;
                }
            }
        } catch (EOFException truncated) {
            // a truncated upload is delivered as truncated as it came
        }
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}

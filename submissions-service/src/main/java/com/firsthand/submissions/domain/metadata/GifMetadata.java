package com.firsthand.submissions.domain.metadata;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GIF: keeps the header, colour tables, images, graphic-control and plain-text extensions and the looping
 * application extensions (NETSCAPE2.0, ANIMEXTS1.0); drops comment extensions and every other application
 * extension (XMP among them). Image data sub-blocks are copied untouched.
 */
final class GifMetadata {

    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int APPLICATION = 0xFF;
    private static final int COMMENT = 0xFE;

    private GifMetadata() {
    }

    static void strip(InputStream in, OutputStream out) throws IOException {
        byte[] header = in.readNBytes(13);
        String version = new String(header, 0, Math.min(6, header.length), StandardCharsets.ISO_8859_1);
        if (header.length < 13 || !(version.equals("GIF87a") || version.equals("GIF89a"))) {
            throw new MetadataStripper.NotThatFormatException("not a GIF: no header");
        }
        out.write(header);
        try {
            MetadataStripper.copy(in, out, colourTable(header[10]));
            while (true) {
                int block = in.read();
                if (block == TRAILER) {
                    out.write(TRAILER);
                    return;
                } else if (block == IMAGE) {
                    image(in, out);
                } else if (block == EXTENSION) {
                    extension(in, out);
                } else {
                    return;
                }
            }
        } catch (EOFException truncated) {
            // a truncated upload is delivered as truncated as it came
        }
    }

    private static long colourTable(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3L * (1 << ((packed & 0x07) + 1));
    }

    private static void image(InputStream in, OutputStream out) throws IOException {
        byte[] descriptor = in.readNBytes(9);
        if (descriptor.length < 9) {
            throw new EOFException();
        }
        out.write(IMAGE);
        out.write(descriptor);
        MetadataStripper.copy(in, out, colourTable(descriptor[8]) + 1);
        subBlocks(in, out);
    }

    private static void extension(InputStream in, OutputStream out) throws IOException {
        int label = MetadataStripper.read(in);
        if (label == COMMENT) {
            subBlocks(in, OutputStream.nullOutputStream());
            return;
        }
        if (label != APPLICATION) {
            out.write(EXTENSION);
            out.write(label);
            subBlocks(in, out);
            return;
        }
        int length = MetadataStripper.read(in);
        byte[] identifier = in.readNBytes(length);
        String name = new String(identifier, StandardCharsets.ISO_8859_1);
        if (name.equals("NETSCAPE2.0") || name.equals("ANIMEXTS1.0")) {
            out.write(EXTENSION);
            out.write(label);
            out.write(length);
            out.write(identifier);
            subBlocks(in, out);
        } else {
            subBlocks(in, OutputStream.nullOutputStream());
        }
    }

    /** Copies data sub-blocks up to and including the zero-length terminator. */
    private static void subBlocks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            int length = MetadataStripper.read(in);
            out.write(length);
            if (length == 0) {
                return;
            }
            MetadataStripper.copy(in, out, length);
        }
    }
}

package com.firsthand.submissions.domain.metadata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WebP: keeps the image chunks (VP8, VP8L, VP8X, ALPH, ANIM, ANMF) and ICCP; drops EXIF, XMP and unknown chunks,
 * clears VP8X's EXIF and XMP flags and rewrites the RIFF size. Two passes over the file: the size comes first.
 */
final class WebpMetadata {

    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int EXIF_AND_XMP_FLAGS = 0x08 | 0x04;

    private record Chunk(String fourCc, long offset, long size) {
        long padded() {
            return size + (size & 1);
        }
    }

    private WebpMetadata() {
    }

    static void strip(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            ByteBuffer header = read(in, 0, 12);
            if (header.limit() < 12 || !"RIFF".equals(fourCc(header, 0)) || !"WEBP".equals(fourCc(header, 8))) {
                throw new MetadataStripper.NotThatFormatException("not a WebP: no RIFF/WEBP header");
            }
            List<Chunk> kept = keptChunks(in);
            long riffSize = 4 + kept.stream().mapToLong(c -> 8 + c.padded()).sum();
            out.write(header.array(), 0, 4);
            out.write(littleEndian((int) riffSize));
            out.write(header.array(), 8, 4);
            for (Chunk chunk : kept) {
                out.write(chunk.fourCc().getBytes(StandardCharsets.ISO_8859_1));
                out.write(littleEndian((int) chunk.size()));
                if ("VP8X".equals(chunk.fourCc())) {
                    ByteBuffer body = read(in, chunk.offset(), chunk.size());
                    body.put(0, (byte) (body.get(0) & ~EXIF_AND_XMP_FLAGS));
                    out.write(body.array(), 0, body.limit());
                } else {
                    transfer(in, chunk.offset(), chunk.size(), Channels.newChannel(out));
                }
                if (chunk.padded() > chunk.size()) {
                    out.write(0);
                }
            }
        }
    }

    /** The chunks to keep, each wholly inside the file; a chunk running past the end of the file ends the list. */
    private static List<Chunk> keptChunks(FileChannel in) throws IOException {
        List<Chunk> kept = new ArrayList<>();
        long at = 12;
        long end = in.size();
        while (at + 8 <= end) {
            ByteBuffer chunkHeader = read(in, at, 8);
            long size = Integer.toUnsignedLong(chunkHeader.order(ByteOrder.LITTLE_ENDIAN).getInt(4));
            Chunk chunk = new Chunk(fourCc(chunkHeader, 0), at + 8, size);
            if (chunk.offset() + chunk.size() > end) {
                break;
            }
            if (KEPT.contains(chunk.fourCc())) {
                kept.add(chunk);
            }
            at = chunk.offset() + chunk.padded();
        }
        return kept;
    }

    private static void transfer(FileChannel in, long position, long length, WritableByteChannel out)
            throws IOException {
        long done = 0;
        while (done < length) {
            long n = in.transferTo(position + done, length - done, out);
            if (n <= 0) {
                throw new java.io.EOFException();
            }
            done += n;
        }
    }

    private static ByteBuffer read(FileChannel in, long position, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining() && in.read(buffer, position + buffer.position()) > 0) {
            // keep reading until full or end of file
        }
        return buffer.flip();
    }

    private static String fourCc(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}

package com.firsthand.submissions.domain.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebP is rewritten at RIFF-chunk level: the image chunks are copied byte for byte, so pixels cannot change. */
class WebpMetadataTest {

    static final byte[] IMAGE_DATA = "VP8L image data, odd length".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    @Test
    void exifAndXmpChunksAndTheirFlagsGoAndTheRiffSizeFollows() throws Exception {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x20 | 0x08 | 0x04;
        byte[] original = riff(chunk("VP8X", vp8x), chunk("ICCP", bytes("icc")), chunk("VP8L", IMAGE_DATA),
                chunk("EXIF", bytes("MM\0*GPS SERIAL-12345")), chunk("XMP ", bytes(MetadataBytes.XMP)));
        Path source = Files.write(dir.resolve("in.webp"), original);
        Path target = dir.resolve("out.webp");

        MetadataStripper.strip("image/webp", source, target);

        byte[] stripped = Files.readAllBytes(target);
        ByteBuffer riff = ByteBuffer.wrap(stripped).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(riff.getInt(4)).isEqualTo(stripped.length - 8);
        assertThat(chunkNames(stripped)).containsExactly("VP8X", "ICCP", "VP8L");
        assertThat(stripped[20]).isEqualTo((byte) 0x20);
        assertThat(MetadataStripperTest.text(stripped)).contains(new String(IMAGE_DATA, StandardCharsets.ISO_8859_1))
                .doesNotContain("SERIAL-12345", "GPSLatitude");
    }

    private static List<String> chunkNames(byte[] webp) {
        List<String> names = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= webp.length) {
            names.add(new String(Arrays.copyOfRange(webp, at, at + 4), StandardCharsets.ISO_8859_1));
            int size = buffer.getInt(at + 4);
            at += 8 + size + (size & 1);
        }
        return names;
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("WEBP"));
        Arrays.stream(chunks).forEach(body::writeBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("RIFF"));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] chunk(String name, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(name));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

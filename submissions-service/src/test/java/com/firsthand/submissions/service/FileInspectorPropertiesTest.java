package com.firsthand.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.DomainExceptionMappers;
import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.testing.SyntheticPhotos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever bytes arrive (real JPEG and PNG files truncated, corrupted or given lying dimensions, and bytes of no
 * format), inspection either describes the file truthfully or refuses it with a 400 naming {@code file}; it never
 * fails otherwise and never lets an image over the pixel limit through.
 */
class FileInspectorPropertiesTest {

    private static final long MAX_PIXELS = 40_000_000;
    private static final List<byte[]> ORIGINALS = List.of(
            SyntheticPhotos.jpeg(SyntheticPhotos.scene(7, 320, 240), 0.85f),
            SyntheticPhotos.png(SyntheticPhotos.scene(8, 200, 150)));

    private final FileInspector inspector = new FileInspector(MAX_PIXELS);

    @TempDir
    Path dir;

    @Test
    void anyDamagedFileIsDescribedTruthfullyOrRefusedWithA400() {
        qt().withExamples(400).forAll(damagedFiles()).checkAssert(bytes -> {
            Path file = write(bytes);
            Throwable failure = catchThrowable(() -> {
                FileInspector.Inspection inspection = inspector.inspect(file);
                assertThat(inspection.sizeBytes()).isEqualTo(bytes.length);
                assertThat(inspection.sha256()).isEqualTo(sha256(bytes));
                if (inspection.width() != null) {
                    assertThat((long) inspection.width() * inspection.height()).isPositive()
                            .isLessThanOrEqualTo(MAX_PIXELS);
                }
            });
            if (failure instanceof InvalidParameterException refused) {
                ApiException refusal = DomainExceptionMappers.toApi(refused);
                assertThat(refusal.status()).isEqualTo(400);
                assertThat(refusal.toError().error().param()).isEqualTo("file");
            } else {
                assertThat(failure).isNull();
            }
        });
    }

    @Test
    void anImageClaimingMorePixelsThanTheLimitIsRefusedBeforeDecoding() {
        qt().forAll(integers().between(1, 65_535), integers().between(1, 65_535))
                .assuming((width, height) -> (long) width * height > MAX_PIXELS).checkAssert((width, height) -> {
                    byte[] png = ORIGINALS.get(1).clone();
                    ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
                    Throwable failure = catchThrowable(() -> inspector.inspect(write(png)));
                    assertThat(failure).isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.getMessage()).contains(width + "x" + height));
                });
    }

    /** An original, then one of: truncated, bytes overwritten, a run removed, or its dimensions rewritten. */
    private static Gen<byte[]> damagedFiles() {
        Gen<byte[]> originals = Generate.pick(ORIGINALS);
        Gen<Integer> positions = integers().between(0, 1_000_000);
        Gen<byte[]> noise = Generate.byteArrays(integers().between(0, 64),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        return originals.zip(integers().between(0, 3), positions, noise, (original, kind, at, junk) -> {
            int cut = at % original.length;
            return switch (kind) {
                case 0 -> Arrays.copyOf(original, cut);
                case 1 -> overwrite(original, cut, junk);
                case 2 -> remove(original, cut, junk.length + 1);
                default -> overwrite(original, original[0] == (byte) 0x89 ? 16 : Math.min(cut, 200), junk);
            };
        }).mix(noise.map(junk -> junk), 10);
    }

    private static byte[] overwrite(byte[] original, int at, byte[] junk) {
        byte[] copy = original.clone();
        System.arraycopy(junk, 0, copy, at, Math.min(junk.length, copy.length - at));
        return copy;
    }

    private static byte[] remove(byte[] original, int at, int length) {
        int end = Math.min(original.length, at + length);
        byte[] copy = new byte[original.length - (end - at)];
        System.arraycopy(original, 0, copy, 0, at);
        System.arraycopy(original, end, copy, at, original.length - end);
        return copy;
    }

    private Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile(dir, "upload", ".bin");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

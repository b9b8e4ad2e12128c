package com.firsthand.submissions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.submissions.JpegSegments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewRendererTest {

    @TempDir
    Path dir;

    @Test
    void aPhotoWithGpsBecomesASmallWatermarkedJpegWithoutMetadata() throws Exception {
        BufferedImage scene = SyntheticPhotos.scene(7, 1200, 800);
        byte[] original = SyntheticPhotos.withGps(SyntheticPhotos.jpeg(scene, 0.9f), 48.8566, 2.3522);
        assertThat(JpegSegments.markers(original)).contains(JpegSegments.APP1);

        byte[] preview = new PreviewRenderer(300, 100_000_000L).render(write("gps.jpg", original));

        assertThat(JpegSegments.markers(preview)).doesNotContain(JpegSegments.APP1, JpegSegments.APP2,
                JpegSegments.APP13);
        assertThat(new String(preview, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void aPhotoIsTurnedAsItsExifOrientationSays() throws Exception {
        // Stored landscape, left half black and right half white; orientation 6: turn 90° clockwise to view.
        BufferedImage stored = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = stored.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(200, 0, 200, 200);
        g.dispose();
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        ByteArrayOutputStream rotated = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(SyntheticPhotos.jpeg(stored, 0.9f), rotated, exif);

        byte[] preview = new PreviewRenderer(300, 100_000_000L).render(write("rotated.jpg", rotated.toByteArray()));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview));
        assertThat(image.getWidth()).isEqualTo(150);
        assertThat(image.getHeight()).isEqualTo(300);
        // Turned clockwise, the stored left (black) half is on top (the watermark shifts both halves a little).
        assertThat(meanBlue(image, 0, 150)).isLessThan(110);
        assertThat(meanBlue(image, 150, 300)).isGreaterThan(150);
        assertThat(JpegSegments.markers(preview)).doesNotContain(JpegSegments.APP1);
    }

    @Test
    void theWatermarkCoversThePicture() throws Exception {
        BufferedImage gray = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = gray.createGraphics();
        g.setColor(new java.awt.Color(128, 128, 128));
        g.fillRect(0, 0, 600, 400);
        g.dispose();

        byte[] preview = new PreviewRenderer(300, 100_000_000L).render(write("gray.png", SyntheticPhotos.png(gray)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview));
        int[] marked = new int[4];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 8) & 0xff) - 128) > 30) {
                    marked[(x < image.getWidth() / 2 ? 0 : 1) + (y < image.getHeight() / 2 ? 0 : 2)]++;
                }
            }
        }
        // Every quarter of the picture carries the mark, on a good part of its pixels.
        assertThat(Arrays.stream(marked).min().orElseThrow()).isGreaterThan(150 * 100 / 20);
    }

    @Test
    void aSmallImageIsNotEnlargedAndTransparencyIsFlattened() throws Exception {
        BufferedImage transparent = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        byte[] png = SyntheticPhotos.png(transparent);

        byte[] preview = new PreviewRenderer(300, 100_000_000L).render(write("small.png", png));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(30);
    }

    @Test
    void anImageAboveThePixelLimitIsRefusedBeforeDecoding() throws Exception {
        Path bomb = write("bomb.png", pngHeader(50_000, 50_000));
        assertThatThrownBy(() -> new PreviewRenderer(300, 100_000_000L).render(bomb))
                .isInstanceOf(PreviewRenderer.UnrenderableException.class).hasMessageContaining("50000x50000");
    }

    @Test
    void bytesNoDecoderReadsAreRefused() throws Exception {
        Path text = write("note.txt", "not an image".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new PreviewRenderer(300, 100_000_000L).render(text))
                .isInstanceOf(PreviewRenderer.UnrenderableException.class);
    }

    private static double meanBlue(BufferedImage image, int fromY, int toY) {
        long sum = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRGB(x, y) & 0xff;
            }
        }
        return sum / (double) ((toY - fromY) * image.getWidth());
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}

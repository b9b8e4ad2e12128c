package com.firsthand.common.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.testing.SyntheticPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    @Test
    void theMinimalBlockReadsBackAndBrokenBlocksAreNormal() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(ExifOrientation.fromApp1(ExifOrientation.minimalExif(orientation))).isEqualTo(orientation);
        }
        byte[] little = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
            0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        assertThat(ExifOrientation.fromApp1(little)).isEqualTo(8);
        byte[] truncated = java.util.Arrays.copyOf(ExifOrientation.minimalExif(6), 20);
        assertThat(ExifOrientation.fromApp1(truncated)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.fromApp1(new byte[] {'J', 'F', 'I', 'F'})).isEqualTo(ExifOrientation.NORMAL);
        byte[] outOfRange = ExifOrientation.minimalExif(9);
        assertThat(ExifOrientation.fromApp1(outOfRange)).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void aJpegsOrientationIsReadFromImageIoMetadataAndTurnsThePixelsUpright() throws Exception {
        byte[] jpeg = SyntheticPhotos.withOrientation(SyntheticPhotos.jpeg(SyntheticPhotos.halves(40, 20), 0.9f), 6);
        int orientation;
        BufferedImage stored;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in, true, false);
            stored = reader.read(0);
            orientation = ExifOrientation.of(reader.getImageMetadata(0));
            reader.dispose();
        }
        assertThat(orientation).isEqualTo(6);
        assertThat(ExifOrientation.swapsSides(orientation)).isTrue();

        BufferedImage upright = ExifOrientation.apply(stored, orientation);
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        // Turned clockwise, the stored left (black) half is on top.
        assertThat(upright.getRGB(10, 5) & 0xff).isLessThan(60);
        assertThat(upright.getRGB(10, 35) & 0xff).isGreaterThan(200);
        assertThat(ExifOrientation.apply(stored, ExifOrientation.NORMAL)).isSameAs(stored);
    }
}

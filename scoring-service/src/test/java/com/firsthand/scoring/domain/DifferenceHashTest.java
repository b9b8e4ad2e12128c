package com.firsthand.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.testing.SyntheticPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Near-copies stay within the duplicate threshold; different photos stay far beyond it. */
class DifferenceHashTest {

    static final int THRESHOLD = 6;

    @RepeatedTest(8)
    void nearCopiesAreCloseAndOtherPhotosAreFar(RepetitionInfo repetition) throws IOException {
        long seed = 500L + repetition.getCurrentRepetition();
        BufferedImage original = SyntheticPhotos.scene(seed, 1600, 1200);
        long hash = hash(original);

        assertThat(DifferenceHash.distance(hash, hash(SyntheticPhotos.resized(original, 640, 480))))
                .as("resized").isLessThanOrEqualTo(THRESHOLD);
        assertThat(DifferenceHash.distance(hash, hash(ImageIO.read(new ByteArrayInputStream(
                SyntheticPhotos.jpeg(original, 0.5f)))))).as("re-encoded at quality 0.5").isLessThanOrEqualTo(THRESHOLD);
        assertThat(DifferenceHash.distance(hash, hash(SyntheticPhotos.cropped(original, 0.02))))
                .as("cropped 2% per edge").isLessThanOrEqualTo(THRESHOLD);
        assertThat(DifferenceHash.distance(hash, hash(SyntheticPhotos.scene(seed + 1000, 1600, 1200))))
                .as("another scene").isGreaterThan(2 * THRESHOLD);
    }

    static long hash(BufferedImage image) {
        return DifferenceHash.of(GrayImage.of(image, 1024));
    }
}

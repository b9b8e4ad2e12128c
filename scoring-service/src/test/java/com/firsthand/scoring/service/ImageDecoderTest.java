package com.firsthand.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.testing.SyntheticPhotos;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.GrayImage;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.PreScoringChecks;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A phone photo stored landscape with EXIF Orientation 6 is measured, analysed and previewed upright. */
class ImageDecoderTest {

    @TempDir
    Path dir;

    Path rotatedPhoto() throws Exception {
        // Stored 800×400, left half black; orientation 6 (turn 90° clockwise): seen 400×800, black half on top.
        byte[] jpeg = SyntheticPhotos.withOrientation(SyntheticPhotos.jpeg(SyntheticPhotos.halves(800, 400), 0.9f), 6);
        return Files.write(dir.resolve("portrait.jpg"), jpeg);
    }

    static double meanBlue(BufferedImage image, int fromY, int toY) {
        long sum = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRGB(x, y) & 0xff;
            }
        }
        return sum / (double) ((toY - fromY) * image.getWidth());
    }

    @Test
    void theExifOrientationGivesTheDisplayedSizeAndUprightPixels() throws Exception {
        ImageDecoder.Decoded decoded = new ImageDecoder().decode(rotatedPhoto(), 100_000_000L);

        assertThat(decoded.width()).isEqualTo(400);
        assertThat(decoded.height()).isEqualTo(800);
        assertThat(decoded.image().getWidth()).isEqualTo(400);
        assertThat(decoded.image().getHeight()).isEqualTo(800);
        assertThat(meanBlue(decoded.image(), 0, 400)).isLessThan(40);
        assertThat(meanBlue(decoded.image(), 400, 800)).isGreaterThan(215);
    }

    @Test
    void theMinimumSizeCheckAndTheProviderImageUseTheUprightPhoto() throws Exception {
        FileFacts facts = new FileAnalyzer(new ImageDecoder(), new DocumentCheck(), 100_000_000L, 200)
                .analyze(rotatedPhoto());

        assertThat(facts.width()).isEqualTo(400);
        assertThat(facts.height()).isEqualTo(800);
        // A portrait job (at least 300×600) takes it; stored sideways (800×400) it would have been refused.
        JobRequirements portrait = new JobRequirements("photo", "doors", List.of("image/jpeg"), 300, 600, null, null);
        assertThat(PreScoringChecks.run(facts, portrait).failure()).isEmpty();
        JobRequirements landscape = new JobRequirements("photo", "doors", List.of("image/jpeg"), 600, 300, null,
                null);
        assertThat(PreScoringChecks.run(facts, landscape).failure()).get().asString().contains("400×800");

        BufferedImage preview = facts.preview();
        assertThat(preview.getWidth()).isEqualTo(100);
        assertThat(preview.getHeight()).isEqualTo(200);
        assertThat(meanBlue(preview, 0, 100)).isLessThan(40);
        assertThat(meanBlue(preview, 100, 200)).isGreaterThan(215);
        GrayImage gray = facts.gray();
        assertThat(gray.width()).isLessThan(gray.height());
    }

    @Test
    void aPhotoWithoutOrientationIsUnchanged() throws Exception {
        Path plain = Files.write(dir.resolve("plain.jpg"),
                SyntheticPhotos.jpeg(SyntheticPhotos.halves(800, 400), 0.9f));
        ImageDecoder.Decoded decoded = new ImageDecoder().decode(plain, 100_000_000L);
        assertThat(decoded.width()).isEqualTo(800);
        assertThat(decoded.height()).isEqualTo(400);
        assertThat(decoded.image().getRGB(10, 200) & 0xff).isLessThan(40);
    }
}

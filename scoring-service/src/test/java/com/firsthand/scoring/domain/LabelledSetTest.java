package com.firsthand.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.common.testing.SyntheticPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The local scorer against the labelled set: each flaw lands in its expected star band, for several seeded scenes.
 * The agreement is reported in docs/benchmarks.md (bench/scoring-quality.sh prints it).
 */
class LabelledSetTest {

    record Label(String name, Function<Long, BufferedImage> image, int minStars, int maxStars) {
    }

    static final List<Label> SET = List.of(
            new Label("sharp, well exposed, 1.9 MP", seed -> SyntheticPhotos.scene(seed, 1600, 1200), 4, 5),
            new Label("sharp 12 MP", seed -> SyntheticPhotos.scene(seed, 4000, 3000), 4, 5),
            new Label("medium 0.5 MP", seed -> SyntheticPhotos.scene(seed, 800, 600), 3, 4),
            new Label("blurred (radius 3)", seed -> SyntheticPhotos.blurred(SyntheticPhotos.scene(seed, 1600, 1200), 3), 1, 2),
            new Label("blurred (radius 6)", seed -> SyntheticPhotos.blurred(SyntheticPhotos.scene(seed, 1600, 1200), 6), 1, 2),
            new Label("too dark", seed -> SyntheticPhotos.exposed(SyntheticPhotos.scene(seed, 1600, 1200), 0.2, 0), 1, 2),
            new Label("blown out", seed -> SyntheticPhotos.exposed(SyntheticPhotos.scene(seed, 1600, 1200), 1.5, 120), 1, 2),
            new Label("noisy", seed -> SyntheticPhotos.noisy(SyntheticPhotos.scene(seed, 1600, 1200), 30, seed), 3, 4),
            new Label("tiny 200x150", seed -> SyntheticPhotos.scene(seed, 200, 150), 1, 2));

    @RepeatedTest(5)
    void everyLabelLandsInItsBand(RepetitionInfo repetition) throws IOException {
        long seed = 1000L + repetition.getCurrentRepetition();
        for (Label label : SET) {
            BufferedImage image = reencoded(label.image().apply(seed));
            Verdict verdict = rate(image);
            assertThat(verdict.stars()).as(label.name() + " (seed " + seed + "): " + verdict.reasoning())
                    .isBetween(label.minStars(), label.maxStars());
        }
    }

    @Test
    void theReasoningNamesWhatWasMeasuredAndWhatWasNot() {
        Verdict sharp = rate(SyntheticPhotos.scene(7, 1600, 1200));
        assertThat(sharp.reasoning()).contains("Sharp (Laplacian variance").contains("well exposed").contains("1.9 MP")
                .contains("Content not judged");
        Verdict blurred = rate(SyntheticPhotos.blurred(SyntheticPhotos.scene(7, 1600, 1200), 5));
        assertThat(blurred.reasoning()).startsWith("Blurry (Laplacian variance").contains("in focus");
        assertThat(blurred.approved()).isFalse();
        assertThat(rate(SyntheticPhotos.exposed(SyntheticPhotos.scene(7, 1600, 1200), 0.2, 0)).reasoning())
                .contains("too dark");
    }

    @Test
    void theScoreIsDeterministic() {
        BufferedImage image = SyntheticPhotos.scene(11, 1600, 1200);
        assertThat(rate(image)).isEqualTo(rate(image));
    }

    static Verdict rate(BufferedImage image) {
        return QualityRating.rate(ImageQuality.measure(GrayImage.of(image, 1024)), image.getWidth(),
                image.getHeight(), List.of());
    }

    /** What a worker uploads is a JPEG: score the decoded JPEG, not the pristine pixels. */
    static BufferedImage reencoded(BufferedImage image) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(SyntheticPhotos.jpeg(image, 0.9f)));
    }
}

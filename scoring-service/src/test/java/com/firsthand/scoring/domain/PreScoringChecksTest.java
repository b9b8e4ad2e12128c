package com.firsthand.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreScoringChecksTest {

    static final GeoPoint AUSTIN = new GeoPoint(30.2672, -97.7431);
    static final GrayImage GRAY = new GrayImage(1, 1, new float[] {128});

    static FileFacts photo(int width, int height, GeoPoint where) {
        return new FileFacts("image/jpeg", "sha", null, width, height, GRAY, null, 1L, where, null);
    }

    static JobRequirements job(Integer minWidth, Integer minHeight, GeoPoint location, Double radiusKm) {
        return new JobRequirements("photo", "mailboxes", List.of("image/jpeg", "image/png"), minWidth, minHeight,
                location, radiusKm);
    }

    @Test
    void tooSmallForTheJobIsRejectedWithBothSizes() {
        PreScoringChecks checks = PreScoringChecks.run(photo(640, 480, null), job(1024, 768, null, null));
        assertThat(checks.failure()).get().extracting(Check::detail).asString()
                .contains("640×480").contains("1024×768");
    }

    @Test
    void aFormatTheJobDoesNotAcceptIsRejected() {
        FileFacts gif = new FileFacts("image/gif", "sha", null, 2000, 2000, GRAY, null, 1L, null, null);
        assertThat(PreScoringChecks.run(gif, job(null, null, null, null)).failure()).get()
                .extracting(Check::name).isEqualTo("format");
    }

    @Test
    void anUnreadableFileIsRejected() {
        FileFacts broken = FileFacts.unreadable("image/jpeg", "sha", "the image data is damaged");
        assertThat(PreScoringChecks.run(broken, job(null, null, null, null)).failure()).get()
                .extracting(Check::detail).asString().contains("corrupt");
    }

    @Test
    void outsideTheRadiusIsRejectedWithTheDistance() {
        GeoPoint dallas = new GeoPoint(32.7767, -96.7970);
        PreScoringChecks checks = PreScoringChecks.run(photo(2000, 1500, dallas), job(null, null, AUSTIN, 15.0));
        assertThat(checks.failure()).get().extracting(Check::detail).asString()
                .contains("293.").contains("allowed: 15.0 km");
    }

    @Test
    void insideTheRadiusPassesAndNoGpsIsOnlyNoted() {
        GeoPoint nearby = new GeoPoint(30.30, -97.75);
        assertThat(PreScoringChecks.run(photo(2000, 1500, nearby), job(null, null, AUSTIN, 15.0)).failure()).isEmpty();
        PreScoringChecks noGps = PreScoringChecks.run(photo(2000, 1500, null), job(null, null, AUSTIN, 15.0));
        assertThat(noGps.failure()).isEmpty();
        assertThat(noGps.notes()).singleElement().asString().contains("no GPS position");
        assertThat(noGps.location()).isEqualTo(LocationFact.unverified());
    }

    @Test
    void aJobRequiringLocationRejectsAPhotoWithoutGpsAsAFact() {
        JobRequirements required = new JobRequirements("photo", "mailboxes", List.of("image/jpeg"), null, null,
                AUSTIN, 15.0, true);

        PreScoringChecks noGps = PreScoringChecks.run(photo(2000, 1500, null), required);

        assertThat(noGps.failure()).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo("location");
            assertThat(c.detail()).contains("no GPS position").contains("Turn on location");
        });
        assertThat(noGps.location()).isEqualTo(LocationFact.unverified());
        PreScoringChecks nearby = PreScoringChecks.run(photo(2000, 1500, new GeoPoint(30.30, -97.75)), required);
        assertThat(nearby.failure()).isEmpty();
        assertThat(nearby.location()).isEqualTo(new LocationFact("verified", 3.7));
    }

    @Test
    void theDistanceIsRoundedToATenthOfAKilometreAndOutsideIsLabelled() {
        GeoPoint dallas = new GeoPoint(32.7767, -96.7970);
        assertThat(PreScoringChecks.run(photo(2000, 1500, dallas), job(null, null, AUSTIN, 15.0)).location())
                .isEqualTo(new LocationFact("outside", 293.1));
        assertThat(PreScoringChecks.run(photo(2000, 1500, dallas), job(null, null, null, null)).location()).isNull();
    }

    @Test
    void haversineMatchesAKnownDistance() {
        assertThat(AUSTIN.distanceKm(new GeoPoint(32.7767, -96.7970))).isBetween(290.0, 296.0);
        assertThat(AUSTIN.distanceKm(AUSTIN)).isZero();
    }
}

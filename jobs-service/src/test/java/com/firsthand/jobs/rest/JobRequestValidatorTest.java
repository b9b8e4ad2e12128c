package com.firsthand.jobs.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import com.firsthand.common.api.ApiException;
import com.firsthand.jobs.domain.JobDraft;
import com.firsthand.jobs.rest.model.CreateJobRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of POST /v1/jobs validation over generated bodies: every body within the documented limits is
 * accepted unchanged; a body with one field broken is a 400 naming exactly that field; any body at all is a draft
 * within the limits or a 400, never another failure.
 */
class JobRequestValidatorTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Set<String> FIELDS = Set.of("type", "description", "files_needed", "accepted_formats",
            "price_per_file_cents", "location.lat", "location.lng", "location.radius_km", "deadline", "max_workers",
            "metadata", "min_width", "min_height");

    private final JobRequestValidator validator = new JobRequestValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyRequestWithinTheLimitsBecomesTheSameDraft() {
        qt().forAll(JobRequests.valid()).checkAssert(body -> {
            CreateJobRequest request = body.toRequest();
            JobDraft draft = validator.validate(request);

            assertThat(draft.type().wireName()).isEqualTo(request.type());
            assertThat(draft.description()).isEqualTo(request.description().strip());
            assertThat(draft.filesNeeded()).isEqualTo(request.filesNeeded());
            assertThat(draft.acceptedFormats()).isEqualTo(request.acceptedFormats());
            assertThat(draft.pricePerFileCents()).isEqualTo(request.pricePerFileCents());
            assertThat(draft.maxWorkers()).isEqualTo(request.maxWorkers());
            assertThat(draft.minWidth()).isEqualTo(request.minWidth());
            assertThat(draft.minHeight()).isEqualTo(request.minHeight());
            assertThat(draft.metadata()).isEqualTo(request.metadata());
            if (request.location() == null) {
                assertThat(draft.location()).isNull();
            } else {
                assertThat(draft.location()).isEqualTo(new JobDraft.GeoArea(request.location().lat(),
                        request.location().lng(), request.location().radiusKm(),
                        Boolean.TRUE.equals(request.location().required())));
            }
            assertThat(draft.deadline()).isEqualTo(
                    request.deadline() == null ? null : OffsetDateTime.parse(request.deadline()).toInstant());
        });
    }

    @Test
    void aRequestWithOneBrokenFieldIsA400NamingThatField() {
        qt().forAll(JobRequests.valid(), JobRequests.breakages()).checkAssert((body, breakage) -> {
            breakage.apply(body);
            CreateJobRequest request = body.toRequest();

            assertThatThrownBy(() -> validator.validate(request)).as(breakage.toString())
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.toError().error().param()).startsWith(breakage.field());
                    });
        });
    }

    @Test
    void anyRequestAtAllIsADraftWithinTheLimitsOrA400() {
        qt().withExamples(2_000).forAll(JobRequests.anything()).checkAssert(body -> {
            Throwable failure = catchThrowable(() -> assertWithinLimits(validator.validate(body.toRequest())));
            if (failure != null) {
                assertThat(failure).isInstanceOf(ApiException.class);
                ApiException error = (ApiException) failure;
                assertThat(error.status()).isEqualTo(400);
                String param = error.toError().error().param();
                assertThat(FIELDS).anyMatch(field -> param.equals(field) || param.startsWith(field + "[")
                        || param.startsWith(field + "."));
            }
        });
    }

    @Test
    void aMissingBodyIsA400() {
        assertThatThrownBy(() -> validator.validate(null)).isInstanceOf(ApiException.class);
    }

    private static void assertWithinLimits(JobDraft draft) {
        assertThat(draft.description().length()).isBetween(1, JobRequestValidator.MAX_DESCRIPTION);
        assertThat(draft.description()).isEqualTo(draft.description().strip());
        assertThat(draft.filesNeeded()).isBetween(1, JobRequestValidator.MAX_FILES_NEEDED);
        assertThat(draft.pricePerFileCents()).isBetween(1, JobRequestValidator.MAX_PRICE_CENTS);
        assertThat(draft.acceptedFormats()).isNotEmpty().doesNotHaveDuplicates()
                .hasSizeLessThanOrEqualTo(JobRequestValidator.MAX_FORMATS);
        if (draft.location() != null) {
            assertThat(draft.location().lat()).isBetween(-90.0, 90.0);
            assertThat(draft.location().lng()).isBetween(-180.0, 180.0);
            assertThat(draft.location().radiusKm()).isPositive().isLessThanOrEqualTo(JobRequestValidator.MAX_RADIUS_KM);
        }
        if (draft.deadline() != null) {
            assertThat(draft.deadline()).isAfter(NOW);
        }
        for (Integer optional : List.of(draft.maxWorkers() == null ? 1 : draft.maxWorkers(),
                draft.minWidth() == null ? 1 : draft.minWidth(), draft.minHeight() == null ? 1 : draft.minHeight())) {
            assertThat(optional).isPositive();
        }
        if (draft.metadata() != null) {
            assertThat(draft.metadata()).hasSizeLessThanOrEqualTo(JobRequestValidator.MAX_METADATA_KEYS);
            draft.metadata().forEach((key, value) -> {
                assertThat(key.length()).isBetween(1, JobRequestValidator.MAX_METADATA_KEY);
                assertThat(value.length()).isLessThanOrEqualTo(JobRequestValidator.MAX_METADATA_VALUE);
            });
        }
    }
}

package com.firsthand.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.firsthand.common.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DateWindowTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheLastThirtyDays() {
        DateWindow window = DateWindow.of(null, null, clock);
        assertThat(window.to()).isEqualTo(clock.instant());
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "+999999999-12-31T00:00:00Z", "0000-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z", "not a date"})
    void aDateADatabaseCannotHoldIsA400NamingTheParameter(String start) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> DateWindow.of(start, "9999-12-31T00:00:00Z", clock));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.toError().error().param()).isEqualTo("start_date");
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        DateWindow window = DateWindow.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", clock);
        assertThat(window.from()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }
}

package com.firsthand.common.paging;

import com.firsthand.common.api.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code start_date} / {@code end_date} query parameters of reporting endpoints: ISO 8601 date-times,
 * defaulting to the last 30 days; anything else is a 400 naming the parameter.
 */
public record DateWindow(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    /** What a database timestamp holds comfortably; outside it a query would fail, not answer. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static DateWindow of(String startDate, String endDate, Clock clock) {
        Instant to = endDate == null ? clock.instant() : parse("end_date", endDate);
        Instant from = startDate == null ? to.minus(DEFAULT_LENGTH) : parse("start_date", startDate);
        if (!from.isBefore(to)) {
            throw ApiException.invalidParam("start_date", "start_date must be before end_date.");
        }
        return new DateWindow(from, to);
    }

    private static Instant parse(String param, String value) {
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw ApiException.invalidParam(param, param + " must lie between years 1 and 9999.");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParam(param, param + " must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00Z.");
        }
    }
}

package com.firsthand.webhook.rest;

import com.firsthand.common.api.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants in query parameters and bodies: ISO 8601 date-times, or Unix seconds as in created[gte]. */
final class Instants {

    private Instants() {
    }

    static Instant parse(String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            // an ISO date-time, then
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParam(param,
                    param + " must be an ISO 8601 date-time (e.g. 2026-03-01T00:00:00Z) or Unix seconds.");
        }
    }

    /** The later of two lower bounds, either of which may be absent. */
    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}

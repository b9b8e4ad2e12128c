package com.firsthand.events;

import java.util.Set;

/**
 * The checks payload records run on construction, so that a record no producer would publish (written to a topic
 * by anyone else) fails to deserialise and its consumer skips it as malformed instead of applying it. Checks are
 * never stricter than what the producers emit, including events published by earlier versions.
 */
final class PayloadChecks {

    private PayloadChecks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** An id as the platform makes them: its type's prefix, an underscore, then something. */
    static void id(String field, String value, String prefix) {
        require(value != null && value.length() > prefix.length() + 1 && value.startsWith(prefix + "_"),
                field + " must be a " + prefix + "_ id");
    }

    static void present(String field, Object value) {
        require(value != null, field + " is required");
    }

    static void text(String field, String value) {
        require(value != null && !value.isBlank(), field + " is required");
    }

    static void oneOf(String field, String value, Set<String> known) {
        require(value != null && known.contains(value), "unknown " + field + " " + value);
    }

    static void atLeast(String field, long value, long minimum) {
        require(value >= minimum, field + " must be at least " + minimum + ", was " + value);
    }

    static void atLeastIfPresent(String field, Number value, long minimum) {
        require(value == null || value.longValue() >= minimum, field + " must be at least " + minimum);
    }

    static void stars(String field, Number value) {
        require(value == null || value.doubleValue() >= 1 && value.doubleValue() <= 5, field + " must be 1-5");
    }

    static void location(Double lat, Double lng, Double radiusKm) {
        require(lat == null || lat >= -90 && lat <= 90, "location_lat must be -90 to 90");
        require(lng == null || lng >= -180 && lng <= 180, "location_lng must be -180 to 180");
        require(radiusKm == null || radiusKm > 0, "location_radius_km must be positive");
    }
}

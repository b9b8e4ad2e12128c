package com.firsthand.jobs.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.formats.SupportedFormats;
import com.firsthand.jobs.domain.JobDraft;
import com.firsthand.jobs.domain.JobType;
import com.firsthand.jobs.rest.model.CreateJobRequest;
import com.firsthand.jobs.rest.model.LocationModel;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a POST /v1/jobs body field by field; the first invalid field is a 400 that names it. */
public final class JobRequestValidator {

    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_FILES_NEEDED = 100_000;
    public static final int MAX_PRICE_CENTS = 1_000_000;
    public static final int MAX_FORMATS = 10;
    public static final int MAX_METADATA_KEYS = 20;
    public static final int MAX_METADATA_KEY = 40;
    public static final int MAX_METADATA_VALUE = 500;
    public static final int MAX_DIMENSION = 20_000;
    public static final int MAX_WORKERS = 100_000;
    public static final double MAX_RADIUS_KM = 20_038;

    private final Clock clock;

    public JobRequestValidator(Clock clock) {
        this.clock = clock;
    }

    public JobDraft validate(CreateJobRequest request) {
        if (request == null) {
            throw ApiException.invalidParam(null, "A JSON request body is required.");
        }
        JobType type = JobType.fromWire(required("type", request.type())).orElseThrow(() -> ApiException
                .invalidParam("type", "type must be one of: data_collection, feedback."));
        String description = required("description", request.description()).strip();
        if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
            throw ApiException.invalidParam("description",
                    "description must be 1 to " + MAX_DESCRIPTION + " characters.");
        }
        int filesNeeded = range("files_needed", required("files_needed", request.filesNeeded()), 1, MAX_FILES_NEEDED);
        List<String> formats = formats(required("accepted_formats", request.acceptedFormats()));
        int price = range("price_per_file_cents", required("price_per_file_cents", request.pricePerFileCents()), 1,
                MAX_PRICE_CENTS);
        Integer maxWorkers = request.maxWorkers() == null ? null
                : range("max_workers", request.maxWorkers(), 1, MAX_WORKERS);
        Integer minWidth = request.minWidth() == null ? null : range("min_width", request.minWidth(), 1, MAX_DIMENSION);
        Integer minHeight = request.minHeight() == null ? null
                : range("min_height", request.minHeight(), 1, MAX_DIMENSION);
        return new JobDraft(type, description, filesNeeded, formats, price, location(request.location()),
                deadline(request.deadline()), maxWorkers, metadata(request.metadata()), minWidth, minHeight);
    }

    private static <T> T required(String param, T value) {
        if (value == null) {
            throw ApiException.missingParam(param);
        }
        return value;
    }

    private static int range(String param, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.invalidParam(param, param + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    private static List<String> formats(List<String> formats) {
        if (formats.isEmpty() || formats.size() > MAX_FORMATS) {
            throw ApiException.invalidParam("accepted_formats",
                    "accepted_formats must list 1 to " + MAX_FORMATS + " MIME types.");
        }
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < formats.size(); i++) {
            String format = formats.get(i);
            if (format == null || !SupportedFormats.isSupported(format)) {
                throw ApiException.invalidParam("accepted_formats[" + i + "]", "Unsupported format '" + format
                        + "'; supported: " + String.join(", ", SupportedFormats.ALL.stream().sorted().toList()) + ".");
            }
            if (!seen.add(format)) {
                throw ApiException.invalidParam("accepted_formats[" + i + "]", "Duplicate format '" + format + "'.");
            }
        }
        return List.copyOf(formats);
    }

    private static JobDraft.GeoArea location(LocationModel location) {
        if (location == null) {
            return null;
        }
        double lat = required("location.lat", location.lat());
        double lng = required("location.lng", location.lng());
        double radius = required("location.radius_km", location.radiusKm());
        if (!(lat >= -90 && lat <= 90)) {
            throw ApiException.invalidParam("location.lat", "location.lat must be between -90 and 90.");
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw ApiException.invalidParam("location.lng", "location.lng must be between -180 and 180.");
        }
        if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
            throw ApiException.invalidParam("location.radius_km",
                    "location.radius_km must be greater than 0 and at most " + (int) MAX_RADIUS_KM + ".");
        }
        return new JobDraft.GeoArea(lat, lng, radius, Boolean.TRUE.equals(location.required()));
    }

    private Instant deadline(String deadline) {
        if (deadline == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(deadline).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParam("deadline",
                    "deadline must be an ISO 8601 date-time with an offset, e.g. 2026-03-25T00:00:00Z.");
        }
        if (!parsed.isAfter(clock.instant())) {
            throw ApiException.invalidParam("deadline", "deadline must be in the future.");
        }
        return parsed;
    }

    private static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata == null) {
            return null;
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            throw ApiException.invalidParam("metadata", "metadata can have at most " + MAX_METADATA_KEYS + " keys.");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY) {
                throw ApiException.invalidParam("metadata", "metadata keys must be 1 to " + MAX_METADATA_KEY
                        + " characters.");
            }
            if (value == null || value.length() > MAX_METADATA_VALUE) {
                throw ApiException.invalidParam("metadata." + key, "metadata values must be strings of at most "
                        + MAX_METADATA_VALUE + " characters.");
            }
            copy.put(key, value);
        });
        return copy;
    }
}

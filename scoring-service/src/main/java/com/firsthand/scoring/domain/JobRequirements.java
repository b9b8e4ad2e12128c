package com.firsthand.scoring.domain;

import java.util.List;

/**
 * What the job asks of every file, as carried by submission.uploaded.
 *
 * @param locationRequired true when a photo without a GPS position is rejected rather than labelled unverified
 */
public record JobRequirements(String type, String description, List<String> acceptedFormats, Integer minWidth,
        Integer minHeight, GeoPoint location, Double radiusKm, boolean locationRequired) {

    public JobRequirements {
        acceptedFormats = acceptedFormats == null ? List.of() : List.copyOf(acceptedFormats);
    }

    public JobRequirements(String type, String description, List<String> acceptedFormats, Integer minWidth,
            Integer minHeight, GeoPoint location, Double radiusKm) {
        this(type, description, acceptedFormats, minWidth, minHeight, location, radiusKm, false);
    }
}

package com.firsthand.scoring.domain;

import java.util.List;

/** What the job asks of every file, as carried by submission.uploaded. */
public record JobRequirements(String type, String description, List<String> acceptedFormats, Integer minWidth,
        Integer minHeight, GeoPoint location, Double radiusKm) {

    public JobRequirements {
        acceptedFormats = acceptedFormats == null ? List.of() : List.copyOf(acceptedFormats);
    }
}

package com.firsthand.scoring.domain;

import java.util.List;

/**
 * What the job asks of every file, as carried by submission.uploaded.
 *
 * @param locationRequired true when a photo without a GPS position is rejected rather than labelled unverified
 * @param appealStatement for the score of a worker's appeal: the worker's statement (and the disputed fact), data
 *     for the appeal scorer; null otherwise
 */
public record JobRequirements(String type, String description, List<String> acceptedFormats, Integer minWidth,
        Integer minHeight, GeoPoint location, Double radiusKm, boolean locationRequired, String appealStatement) {

    public JobRequirements {
        acceptedFormats = acceptedFormats == null ? List.of() : List.copyOf(acceptedFormats);
    }

    public JobRequirements(String type, String description, List<String> acceptedFormats, Integer minWidth,
            Integer minHeight, GeoPoint location, Double radiusKm, boolean locationRequired) {
        this(type, description, acceptedFormats, minWidth, minHeight, location, radiusKm, locationRequired, null);
    }

    public JobRequirements(String type, String description, List<String> acceptedFormats, Integer minWidth,
            Integer minHeight, GeoPoint location, Double radiusKm) {
        this(type, description, acceptedFormats, minWidth, minHeight, location, radiusKm, false, null);
    }

    /** The same job, for the score of a worker's appeal with its statement. */
    public JobRequirements withAppeal(String statement) {
        return new JobRequirements(type, description, acceptedFormats, minWidth, minHeight, location, radiusKm,
                locationRequired, statement);
    }
}

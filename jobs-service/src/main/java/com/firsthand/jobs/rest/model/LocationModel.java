package com.firsthand.jobs.rest.model;

/**
 * {@code {lat, lng, radius_km, required}}: the area a job's content must come from.
 *
 * @param required true: a photo without a GPS position is rejected; false or absent: it is accepted and labelled
 *                 unverified
 */
public record LocationModel(Double lat, Double lng, Double radiusKm, Boolean required) {

    public LocationModel(Double lat, Double lng, Double radiusKm) {
        this(lat, lng, radiusKm, null);
    }
}

package com.firsthand.jobs.rest.model;

/** {@code {lat, lng, radius_km}}: the area a job's content must come from. */
public record LocationModel(Double lat, Double lng, Double radiusKm) {
}

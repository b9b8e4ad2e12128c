package com.firsthand.jobs.rest.model;

import com.firsthand.jobs.rest.JobRequestValidator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {lat, lng, radius_km, required}}: the area a job's content must come from.
 *
 * @param required true: a photo without a GPS position is rejected; false or absent: it is accepted and labelled
 *                 unverified
 */
public record LocationModel(@Schema(required = true, minimum = "-90", maximum = "90") Double lat,
        @Schema(required = true, minimum = "-180", maximum = "180") Double lng,
        @Schema(required = true, description = "Greater than 0", minimum = "0",
                maximum = "" + JobRequestValidator.MAX_RADIUS_KM) Double radiusKm, Boolean required) {

    public LocationModel(Double lat, Double lng, Double radiusKm) {
        this(lat, lng, radiusKm, null);
    }
}

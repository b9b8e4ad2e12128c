package com.firsthand.scoring.domain;

/**
 * What a photo's GPS position says about the job's location, without the position itself: buyers get this
 * instead of the metadata, which is removed from delivered files.
 *
 * @param status     verified (within the radius), unverified (no GPS position) or outside (beyond the radius)
 * @param distanceKm distance from the job's point rounded to 0.1 km; null when unverified
 */
public record LocationFact(String status, Double distanceKm) {

    public static final String VERIFIED = "verified";
    public static final String UNVERIFIED = "unverified";
    public static final String OUTSIDE = "outside";

    public static LocationFact unverified() {
        return new LocationFact(UNVERIFIED, null);
    }

    public static LocationFact measured(double distanceKm, double radiusKm) {
        return new LocationFact(distanceKm > radiusKm ? OUTSIDE : VERIFIED, Math.round(distanceKm * 10) / 10.0);
    }
}

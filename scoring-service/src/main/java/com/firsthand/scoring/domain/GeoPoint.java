package com.firsthand.scoring.domain;

/** A WGS84 position; distances on a sphere of the Earth's mean radius (haversine). */
public record GeoPoint(double lat, double lng) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLng = Math.toRadians(other.lng - lng);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

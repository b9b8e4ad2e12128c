package com.firsthand.submissions.rest.model;

/**
 * What the photo's GPS position said about the job's location, in place of the position itself (the delivered
 * file carries no metadata). {@code verified} is true when the photo was taken within the job's radius.
 *
 * @param status     verified, unverified (no GPS in the photo) or outside (beyond the radius: rejected)
 * @param distanceKm distance from the job's point, rounded to 0.1 km; null when unverified
 */
public record LocationFactsResponse(boolean verified, String status, Double distanceKm) {
}

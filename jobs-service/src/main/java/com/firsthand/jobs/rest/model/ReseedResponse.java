package com.firsthand.jobs.rest.model;

/** What {@code POST /admin/credentials/reseed} republished on credential.changed. */
public record ReseedResponse(String object, int credentials, int active, int revoked) {
}

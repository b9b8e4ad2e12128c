package com.firsthand.jobs.rest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RateJobRequest(@Schema(required = true, minimum = "1", maximum = "5") Integer rating, String feedback) {
}

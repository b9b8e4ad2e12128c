package com.firsthand.jobs.rest.model;

public record RateJobRequest(Integer rating, String feedback) {
}

package com.firsthand.jobs.rest.model;

public record CreateOrganizationRequest(String name) {
}

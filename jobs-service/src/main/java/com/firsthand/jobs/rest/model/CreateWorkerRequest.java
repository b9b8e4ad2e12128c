package com.firsthand.jobs.rest.model;

public record CreateWorkerRequest(String name) {
}

package com.firsthand.jobs.rest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateWorkerRequest(@Schema(required = true) String name) {
}

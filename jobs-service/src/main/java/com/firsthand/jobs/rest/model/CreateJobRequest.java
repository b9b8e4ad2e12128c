package com.firsthand.jobs.rest.model;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of POST /v1/jobs. Everything is nullable here: JobRequestValidator names each missing field. */
public record CreateJobRequest(@Schema(enumeration = {"data_collection", "feedback"}) String type, String description, Integer filesNeeded, List<String> acceptedFormats,
        Integer pricePerFileCents, LocationModel location, String deadline, Integer maxWorkers,
        Map<String, String> metadata, Integer minWidth, Integer minHeight) {
}

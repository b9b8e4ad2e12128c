package com.firsthand.submissions.rest.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a page of GET /v1/worker/events, for the API description (the resource builds the response). */
@Schema(name = "ListResponseWorkerEventResponse")
public record WorkerEventPage(String object, List<WorkerEventResponse> data, boolean hasMore, String nextCursor) {
}

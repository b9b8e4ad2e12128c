package com.firsthand.submissions.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.submissions.repository.WorkerEventRepository.StoredWorkerEvent;
import com.firsthand.submissions.rest.model.WorkerEventResponse;

public final class WorkerEventMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkerEventMapper() {
    }

    public static WorkerEventResponse toResponse(StoredWorkerEvent event) {
        try {
            return new WorkerEventResponse("worker_event", event.id(), event.type(), event.createdAt(),
                    JSON.readTree(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("worker event " + event.id() + " holds invalid JSON", e);
        }
    }
}

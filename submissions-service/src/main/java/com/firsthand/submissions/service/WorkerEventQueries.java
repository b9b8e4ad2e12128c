package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.repository.WorkerEventRepository;
import com.firsthand.submissions.repository.WorkerEventRepository.StoredWorkerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads of a worker's own events; anyone else's do not exist. */
@ApplicationScoped
public class WorkerEventQueries {

    private final WorkerEventRepository feed;

    public WorkerEventQueries(WorkerEventRepository feed) {
        this.feed = feed;
    }

    public StoredWorkerEvent get(String workerId, String eventId) {
        Optional<StoredWorkerEvent> event = Ids.isValid(Ids.WORKER_EVENT, eventId) ? feed.find(workerId, eventId)
                : Optional.empty();
        return event.orElseThrow(() -> new ResourceNotFoundException("worker_event", eventId));
    }

    /** The sequence number of the worker's event {@code after}: 0 without one. */
    public long sequenceAfter(String workerId, String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!Ids.isValid(Ids.WORKER_EVENT, after)) {
            throw new InvalidParameterException("after", "after must be the id of one of your events (wev_...).");
        }
        return feed.find(workerId, after).map(StoredWorkerEvent::sequence).orElseThrow(
                () -> new InvalidParameterException("after", "after names no event of yours: events are kept 30 days;"
                        + " list without after to start again."));
    }

    /** Newest first: events after {@code after} (a sequence number) and before {@code before} (null: no bound). */
    public List<StoredWorkerEvent> page(String workerId, long after, Long before, int max) {
        return feed.page(workerId, after, before, max);
    }
}

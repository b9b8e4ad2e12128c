package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.PreferWait;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.mapping.WorkerEventMapper;
import com.firsthand.submissions.repository.WorkerEventRepository.StoredWorkerEvent;
import com.firsthand.submissions.repository.WorkerEventSignals;
import com.firsthand.submissions.service.WorkerEventQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * GET /v1/worker/events with {@code Prefer: wait=N}: when the worker has no event newer than {@code after}, the
 * request waits until one is committed (on any replica, see {@link WorkerEventSignals}) or N seconds pass. The wait
 * holds a future, not a thread. A request with a cursor pages through what is there and never waits.
 */
@ApplicationScoped
public class WorkerEventLongPoll {

    static final String LIST = "worker_events";

    private final WorkerEventQueries queries;
    private final WorkerEventSignals signals;
    private final CursorCodec cursors;
    private final SubmissionsConfig config;

    public WorkerEventLongPoll(WorkerEventQueries queries, WorkerEventSignals signals, CursorCodec cursors,
            SubmissionsConfig config) {
        this.queries = queries;
        this.signals = signals;
        this.cursors = cursors;
        this.config = config;
    }

    /** Must be called on a worker thread: the first read is a blocking query. */
    public Uni<Response> list(String workerId, String after, String limit, String cursor, String prefer) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        Long before = page.afterId() == null ? null : sequence(page.afterId());
        Integer requested = PreferWait.requested(prefer);
        boolean mayWait = requested != null && requested > 0 && before == null;
        CompletableFuture<Void> arrived = mayWait ? signals.next(workerId) : null;
        long afterSequence;
        List<StoredWorkerEvent> events;
        try {
            afterSequence = read(() -> queries.sequenceAfter(workerId, after));
            events = read(() -> queries.page(workerId, afterSequence, before, page.fetchSize()));
        } catch (RuntimeException e) {
            cancel(arrived);
            throw e;
        }
        if (arrived == null || !events.isEmpty()) {
            cancel(arrived);
            return Uni.createFrom().item(respond(events, page, requested == null ? null : 0));
        }
        int wait = Math.min(requested, config.maxWait());
        signals.parked(arrived);
        return Uni.createFrom().completionStage(arrived)
                .ifNoItem().after(Duration.ofSeconds(wait)).recoverWithItem((Void) null)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> {
                    arrived.cancel(false);
                    return respond(read(() -> queries.page(workerId, afterSequence, null, page.fetchSize())), page,
                            wait);
                })
                // Completed, not cancelled: a cancelled future would fail the already cancelled Uni, logged as dropped.
                .onCancellation().invoke(() -> arrived.complete(null));
    }

    private Response respond(List<StoredWorkerEvent> events, PageRequest page, Integer appliedWait) {
        Response.ResponseBuilder response = Response.ok(ListResponse.of(events, page, LIST, cursors,
                event -> Long.toString(event.sequence()), WorkerEventMapper::toResponse));
        if (appliedWait != null) {
            response.header(PreferWait.PREFERENCE_APPLIED, "wait=" + appliedWait);
        }
        return response.build();
    }

    private static <T> T read(Callable<T> query) {
        return QuarkusTransaction.joiningExisting().call(query);
    }

    private static void cancel(CompletableFuture<Void> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static long sequence(String cursorKey) {
        try {
            return Long.parseLong(cursorKey);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParam("cursor", "cursor is not a cursor of this list.");
        }
    }
}

package com.firsthand.submissions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.submissions.rest.model.WorkerEventPage;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.submissions.mapping.WorkerEventMapper;
import com.firsthand.submissions.rest.model.WorkerEventResponse;
import com.firsthand.submissions.service.WorkerEventQueries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A worker's own events: what happened to its slots, submissions and the jobs it works on; kept 30 days. */
@Path("/v1/worker/events")
@Authenticated(Audience.WORKER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Worker")
public class WorkerEventsResource {

    private final WorkerEventLongPoll longPoll;
    private final WorkerEventQueries queries;
    private final CallerContext caller;

    public WorkerEventsResource(WorkerEventLongPoll longPoll, WorkerEventQueries queries, CallerContext caller) {
        this.longPoll = longPoll;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Blocking
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkerEventPage.class)))
    @Operation(operationId = "listWorkerEvents",
            summary = "Your events, newest first; with 'after' and 'Prefer: wait=N' (N up to 30) wait for one")
    public Uni<Response> list(@RestQuery String after, @RestQuery String limit, @RestQuery String cursor,
            @RestHeader("Prefer") String prefer) {
        return longPoll.list(caller.workerId(), after, limit, cursor, prefer);
    }

    @GET
    @Path("/{event_id}")
    @Transactional
    @Operation(operationId = "getWorkerEvent", summary = "One of your events")
    public WorkerEventResponse get(@RestPath("event_id") String eventId) {
        return WorkerEventMapper.toResponse(queries.get(caller.workerId(), eventId));
    }
}

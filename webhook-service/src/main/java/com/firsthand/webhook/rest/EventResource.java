package com.firsthand.webhook.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.webhook.domain.EventTypes;
import com.firsthand.webhook.mapping.EventBodies;
import com.firsthand.webhook.repository.WebhookEventRepository;
import com.firsthand.webhook.rest.model.RedeliverRequest;
import com.firsthand.webhook.rest.model.ResendResponse;
import com.firsthand.webhook.service.EventQueries;
import com.firsthand.webhook.service.ResendEvents;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** The organisation's public events (kept 30 days): the same objects that webhooks deliver. */
@Path("/v1/events")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    static final String LIST = "events";

    private final EventQueries events;
    private final ResendEvents resend;
    private final IdempotencyService idempotency;
    private final CallerContext caller;
    private final CursorCodec cursors;

    public EventResource(EventQueries events, ResendEvents resend, IdempotencyService idempotency,
            CallerContext caller, CursorCodec cursors) {
        this.events = events;
        this.resend = resend;
        this.idempotency = idempotency;
        this.caller = caller;
        this.cursors = cursors;
    }

    @GET
    @Transactional
    @Operation(operationId = "listEvents",
            summary = "List events, newest first: type, created[gte]/created[lte] or start_date/end_date")
    public ListResponse<JsonNode> list(@QueryParam("type") String type, @QueryParam("created[gte]") String gte,
            @QueryParam("created[lte]") String lte, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        if (type != null && !EventTypes.KNOWN.contains(type)) {
            throw ApiException.invalidParam("type", "Unknown event type '" + type + "'; known: "
                    + String.join(", ", EventTypes.KNOWN) + ".");
        }
        Instant from = Instants.later(Instants.parse("created[gte]", gte), Instants.parse("start_date", startDate));
        Instant to = Instants.earlier(Instants.parse("created[lte]", lte), Instants.parse("end_date", endDate));
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidParam(startDate != null ? "start_date" : "created[gte]",
                    "The start of the created range is after its end.");
        }
        var filter = new WebhookEventRepository.Filter(caller.orgId(), type, from, to);
        return ListResponse.of(events.list(filter, page.afterId(), page.fetchSize()), page, LIST, cursors,
                event -> event.id, event -> EventBodies.tree(event.body));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getEvent", summary = "Retrieve an event")
    public JsonNode get(@RestPath String id) {
        return EventBodies.tree(events.get(caller.orgId(), id).body);
    }

    @POST
    @Path("/{id}/redeliver")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResendResponse.class)))
    @Operation(operationId = "redeliverEvent",
            summary = "Deliver the event again, to one endpoint (endpoint_id) or to every subscribed endpoint")
    public Response redeliver(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath String id,
            RedeliverRequest request) {
        String endpointId = request == null ? null : request.endpointId();
        return idempotency.execute(key, "POST", uri.getPath(), request, () -> {
            var endpointIds = resend.redeliver(caller.orgId(), id, endpointId);
            return Response.ok(new ResendResponse("redelivery", id, endpointId, endpointIds, endpointIds.size()))
                    .build();
        });
    }
}

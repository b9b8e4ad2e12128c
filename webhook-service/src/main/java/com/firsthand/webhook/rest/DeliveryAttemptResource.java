package com.firsthand.webhook.rest;

import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.webhook.repository.DeliveryAttemptRepository;
import com.firsthand.webhook.repository.DeliveryAttemptRepository.AttemptRow;
import com.firsthand.webhook.rest.model.DeliveryAttemptResponse;
import com.firsthand.webhook.service.ManageEndpoints;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Every delivery attempt to an endpoint. */
@Path("/v1/webhook_endpoints/{id}/deliveries")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook endpoints")
public class DeliveryAttemptResource {

    static final String LIST = "webhook_deliveries";

    private final ManageEndpoints manage;
    private final DeliveryAttemptRepository attempts;
    private final CallerContext caller;
    private final CursorCodec cursors;

    public DeliveryAttemptResource(ManageEndpoints manage, DeliveryAttemptRepository attempts, CallerContext caller,
            CursorCodec cursors) {
        this.manage = manage;
        this.attempts = attempts;
        this.caller = caller;
        this.cursors = cursors;
    }

    @GET
    @Transactional
    @Operation(operationId = "listWebhookDeliveries",
            summary = "List delivery attempts to the endpoint, newest first: status, duration, response excerpt")
    public ListResponse<DeliveryAttemptResponse> list(@RestPath String id, @RestQuery("event_id") String eventId,
            @RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST + ":" + id, cursors);
        manage.owned(caller.orgId(), id);
        return ListResponse.of(attempts.listPage(id, eventId, page.afterId(), page.fetchSize()), page,
                LIST + ":" + id, cursors, AttemptRow::id, DeliveryAttemptResource::toResponse);
    }

    static DeliveryAttemptResponse toResponse(AttemptRow row) {
        return new DeliveryAttemptResponse("delivery_attempt", row.id(), row.eventId(), row.eventType(),
                row.endpointId(), row.attempt(), row.attemptedAt(), row.responseStatus(), row.durationMs(),
                row.responseBody(), row.error(), row.nextAttemptAt());
    }
}

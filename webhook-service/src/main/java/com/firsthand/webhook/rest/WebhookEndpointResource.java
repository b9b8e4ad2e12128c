package com.firsthand.webhook.rest;

import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.webhook.mapping.WebhookEndpointMapper;
import com.firsthand.webhook.repository.WebhookEndpointRepository;
import com.firsthand.webhook.rest.model.WebhookEndpointResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The organisation's webhook endpoints. */
@Path("/v1/webhook_endpoints")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook endpoints")
public class WebhookEndpointResource {

    static final String LIST = "webhook_endpoints";

    private final WebhookEndpointRepository endpoints;
    private final CallerContext caller;
    private final CursorCodec cursors;

    public WebhookEndpointResource(WebhookEndpointRepository endpoints, CallerContext caller, CursorCodec cursors) {
        this.endpoints = endpoints;
        this.caller = caller;
        this.cursors = cursors;
    }

    @GET
    @Operation(summary = "List your webhook endpoints")
    public ListResponse<WebhookEndpointResponse> list(@RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        return ListResponse.of(endpoints.listPage(caller.orgId(), page.afterId(), page.fetchSize()), page, LIST,
                cursors, endpoint -> endpoint.id, WebhookEndpointMapper::toResponse);
    }
}

package com.firsthand.webhook.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.common.paging.CursorCodec;
import com.firsthand.common.paging.ListResponse;
import com.firsthand.common.paging.PageRequest;
import com.firsthand.webhook.mapping.WebhookEndpointMapper;
import com.firsthand.webhook.repository.WebhookEndpointRepository;
import com.firsthand.webhook.rest.model.CreateEndpointRequest;
import com.firsthand.webhook.rest.model.ResendResponse;
import com.firsthand.webhook.rest.model.RecoverRequest;
import com.firsthand.webhook.rest.model.UpdateEndpointRequest;
import com.firsthand.webhook.rest.model.WebhookEndpointResponse;
import com.firsthand.webhook.service.ManageEndpoints;
import com.firsthand.webhook.service.ResendEvents;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The organisation's webhook endpoints. */
@Path("/v1/webhook_endpoints")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook endpoints")
public class WebhookEndpointResource {

    static final String LIST = "webhook_endpoints";

    private final WebhookEndpointRepository endpoints;
    private final ManageEndpoints manage;
    private final ResendEvents resend;
    private final IdempotencyService idempotency;
    private final CallerContext caller;
    private final CursorCodec cursors;

    public WebhookEndpointResource(WebhookEndpointRepository endpoints, ManageEndpoints manage, ResendEvents resend,
            IdempotencyService idempotency, CallerContext caller, CursorCodec cursors) {
        this.endpoints = endpoints;
        this.manage = manage;
        this.resend = resend;
        this.idempotency = idempotency;
        this.caller = caller;
        this.cursors = cursors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @Operation(operationId = "createWebhookEndpoint",
            summary = "Create an endpoint; the response carries its signing secret, shown only here")
    public Response create(@RestHeader("Idempotency-Key") String key, UriInfo uri, CreateEndpointRequest request) {
        if (request == null) {
            throw ApiException.missingParam("url");
        }
        return idempotency.execute(key, "POST", uri.getPath(), request, () -> {
            var endpoint = manage.create(caller.orgId(), request.url(), request.enabledEvents(),
                    request.description());
            return Response.ok(WebhookEndpointMapper.toResponse(endpoint, endpoint.secret)).build();
        });
    }

    @GET
    @Operation(operationId = "listWebhookEndpoints", summary = "List your webhook endpoints")
    public ListResponse<WebhookEndpointResponse> list(@RestQuery String limit, @RestQuery String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, LIST, cursors);
        return ListResponse.of(endpoints.listPage(caller.orgId(), page.afterId(), page.fetchSize()), page, LIST,
                cursors, endpoint -> endpoint.id, WebhookEndpointMapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookEndpoint", summary = "Retrieve an endpoint")
    public WebhookEndpointResponse get(@RestPath String id) {
        return WebhookEndpointMapper.toResponse(manage.owned(caller.orgId(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateWebhookEndpoint",
            summary = "Change an endpoint's url, enabled_events, description, or disable / re-enable it")
    public WebhookEndpointResponse update(@RestPath String id, UpdateEndpointRequest request) {
        if (request == null) {
            return get(id);
        }
        return WebhookEndpointMapper.toResponse(manage.update(caller.orgId(), id, request.url(),
                request.enabledEvents(), request.description(), request.disabled()));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete an endpoint and its pending deliveries")
    public Map<String, Object> delete(@RestPath String id) {
        manage.delete(caller.orgId(), id);
        return Map.of("object", "webhook_endpoint", "id", id, "deleted", true);
    }

    @POST
    @Path("/{id}/rotate_secret")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @Operation(operationId = "rotateWebhookEndpointSecret",
            summary = "Replace the signing secret; the old one keeps signing alongside during the grace period")
    public Response rotateSecret(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath String id) {
        return idempotency.execute(key, "POST", uri.getPath(), null, () -> {
            var endpoint = manage.rotateSecret(caller.orgId(), id);
            return Response.ok(WebhookEndpointMapper.toResponse(endpoint, endpoint.secret)).build();
        });
    }

    @POST
    @Path("/{id}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResendResponse.class)))
    @Operation(operationId = "recoverWebhookDeliveries",
            summary = "Send again every delivery to this endpoint that failed for events created in [since, until)")
    public Response recover(@RestHeader("Idempotency-Key") String key, UriInfo uri, @RestPath String id,
            RecoverRequest request) {
        if (request == null || request.since() == null) {
            throw ApiException.missingParam("since");
        }
        var since = Instants.parse("since", request.since());
        var until = Instants.parse("until", request.until());
        return idempotency.execute(key, "POST", uri.getPath(), request, () -> {
            int queued = resend.recover(caller.orgId(), id, since, until);
            return Response.ok(new ResendResponse("recovery", null, id, null, queued)).build();
        });
    }
}

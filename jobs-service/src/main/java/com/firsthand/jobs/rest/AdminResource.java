package com.firsthand.jobs.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.firsthand.jobs.rest.model.WorkerResponse;
import com.firsthand.jobs.rest.model.CredentialResponse;
import com.firsthand.jobs.rest.model.OrganizationResponse;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.idempotency.IdempotencyService;
import com.firsthand.jobs.mapping.AccountMapper;
import com.firsthand.jobs.rest.model.CreateOrganizationRequest;
import com.firsthand.jobs.rest.model.CreateWorkerRequest;
import com.firsthand.jobs.rest.model.ReseedResponse;
import com.firsthand.jobs.service.AccountProvisioning;
import com.firsthand.jobs.service.ReseedCredentials;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Operator provisioning behind the admin token: organisations, API keys, workers, revocation, reseed. */
@Path("/admin")
@Authenticated(Audience.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminResource {

    private static final int MAX_NAME = 200;

    private final AccountProvisioning provisioning;
    private final ReseedCredentials reseed;
    private final IdempotencyService idempotency;

    public AdminResource(AccountProvisioning provisioning, ReseedCredentials reseed, IdempotencyService idempotency) {
        this.provisioning = provisioning;
        this.reseed = reseed;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/organizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganizationResponse.class)))
    @Operation(operationId = "adminCreateOrganization",
            summary = "Create an organisation; the response carries its first API key, shown only once")
    public Response createOrganization(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            CreateOrganizationRequest request) {
        String name = name(request == null ? null : request.name());
        return idempotency.execute(key, "POST", uri.getPath(), request,
                () -> Response.ok(AccountMapper.toResponse(provisioning.createOrganization(name))).build());
    }

    @POST
    @Path("/organizations/{org_id}/api_keys")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CredentialResponse.class)))
    @Operation(operationId = "adminCreateApiKey", summary = "Issue another API key for an organisation")
    public Response createApiKey(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            @RestPath("org_id") String orgId) {
        return idempotency.execute(key, "POST", uri.getPath(), null,
                () -> Response.ok(AccountMapper.toResponse(provisioning.issueApiKey(orgId))).build());
    }

    @POST
    @Path("/workers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkerResponse.class)))
    @Operation(operationId = "adminCreateWorker",
            summary = "Register a worker; the response carries its first token, shown only once")
    public Response createWorker(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            CreateWorkerRequest request) {
        String name = name(request == null ? null : request.name());
        return idempotency.execute(key, "POST", uri.getPath(), request,
                () -> Response.ok(AccountMapper.toResponse(provisioning.registerWorker(name))).build());
    }

    @POST
    @Path("/workers/{worker_id}/tokens")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CredentialResponse.class)))
    @Operation(operationId = "adminCreateWorkerToken", summary = "Issue another token for a worker")
    public Response createWorkerToken(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            @RestPath("worker_id") String workerId) {
        return idempotency.execute(key, "POST", uri.getPath(), null,
                () -> Response.ok(AccountMapper.toResponse(provisioning.issueWorkerToken(workerId))).build());
    }

    @POST
    @Path("/credentials/{credential_id}/revoke")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CredentialResponse.class)))
    @Operation(operationId = "adminRevokeCredential",
            summary = "Revoke an API key (key_...) or a worker token (wtk_...); effective within seconds. "
            + "revoked_now says whether this call revoked it (false: it already was)")
    public Response revoke(@RestHeader("Idempotency-Key") String key, UriInfo uri,
            @RestPath("credential_id") String credentialId) {
        return idempotency.execute(key, "POST", uri.getPath(), null,
                () -> Response.ok(AccountMapper.toResponse(provisioning.revoke(credentialId))).build());
    }

    @POST
    @Path("/credentials/reseed")
    @Transactional
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReseedResponse.class)))
    @Operation(operationId = "adminReseedCredentials",
            summary = "Publish every credential again (current state and version) for replicas to converge")
    public Response reseed(@RestHeader("Idempotency-Key") String key, UriInfo uri) {
        return idempotency.execute(key, "POST", uri.getPath(), null, () -> {
            ReseedCredentials.Reseeded reseeded = reseed.reseed();
            return Response.ok(new ReseedResponse("credential_reseed", reseeded.credentials(), reseeded.active(),
                    reseeded.revoked())).build();
        });
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.missingParam("name");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.invalidParam("name", "name must be at most " + MAX_NAME + " characters.");
        }
        return name.strip();
    }
}

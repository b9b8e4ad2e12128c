package com.firsthand.common.auth;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.config.FirsthandConfig;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every request to a resource marked {@link Authenticated} against this service's own
 * credential table; nothing upstream (such as a gateway header) is trusted.
 */
public class AuthenticationFilter {

    private final CredentialRepository credentials;
    private final CallerContext callerContext;
    private final FirsthandConfig config;

    public AuthenticationFilter(CredentialRepository credentials, CallerContext callerContext,
            FirsthandConfig config) {
        this.credentials = credentials;
        this.callerContext = callerContext;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        Audience audience = requiredAudience(resource);
        if (audience == null) {
            return;
        }
        String secret = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        callerContext.set(audience == Audience.ADMIN ? admin(secret) : user(secret, audience));
    }

    private Caller admin(String secret) {
        Optional<String> token = config.admin().token();
        if (token.isEmpty() || token.get().isBlank()) {
            throw ApiException.forbidden("The admin API is disabled: no firsthand.admin.token is configured.");
        }
        if (!SecretHasher.constantTimeEquals(secret, token.get())) {
            throw ApiException.unauthenticated("Invalid admin token.");
        }
        return Caller.admin();
    }

    private Caller user(String secret, Audience audience) {
        if (!secret.startsWith("fh_live_") && !secret.startsWith("fh_wkr_")) {
            throw ApiException.unauthenticated("Invalid API key provided: API keys start with fh_live_, "
                    + "worker tokens with fh_wkr_.");
        }
        Caller caller = credentials.findActiveBySecretHash(SecretHasher.sha256(secret))
                .orElseThrow(() -> ApiException.unauthenticated("Invalid or revoked credential provided."));
        if (caller.audience() != audience) {
            throw ApiException.forbidden(audience == Audience.WORKER
                    ? "This endpoint is for workers: use a worker token (fh_wkr_...), not an API key."
                    : "This endpoint is for buyers: use an organisation API key (fh_live_...), not a worker token.");
        }
        return caller;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthenticated("No credential provided. Send 'Authorization: Bearer <key>'.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            throw ApiException.unauthenticated("Malformed Authorization header: expected 'Bearer <key>'.");
        }
        return authorization.substring(7).trim();
    }

    private static Audience requiredAudience(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Authenticated onMethod = resource.getResourceMethod().getAnnotation(Authenticated.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Authenticated onClass = resource.getResourceClass().getAnnotation(Authenticated.class);
        return onClass == null ? null : onClass.value();
    }
}

package com.firsthand.common.idempotency;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ErrorCodes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every POST to the public and admin APIs must carry an Idempotency-Key, so that any retry is safe. */
public class IdempotencyKeyRequiredFilter {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public void requireKey(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.startsWith("/admin/")) {
            return;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            throw new ApiException(400, ApiException.IDEMPOTENCY, ErrorCodes.IDEMPOTENCY_KEY_MISSING,
                    "Every POST needs an Idempotency-Key header (a UUID or any unique string).", HEADER);
        }
        if (key.length() > MAX_LENGTH) {
            throw new ApiException(400, ApiException.IDEMPOTENCY, ErrorCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be at most " + MAX_LENGTH + " characters.", HEADER);
        }
    }
}

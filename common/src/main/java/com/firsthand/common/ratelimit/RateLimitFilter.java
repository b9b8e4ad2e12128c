package com.firsthand.common.ratelimit;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ErrorCodes;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.config.FirsthandConfig;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits each authenticated credential's request rate: 429 with Retry-After beyond it. Limits are kept per
 * replica, so the effective limit scales with the number of replicas.
 */
public class RateLimitFilter {

    private final CallerContext callerContext;
    private final RateLimiter limiter;
    private final boolean enabled;

    public RateLimitFilter(CallerContext callerContext, FirsthandConfig config) {
        this.callerContext = callerContext;
        this.enabled = config.rateLimit().enabled();
        this.limiter = new RateLimiter(config.rateLimit().requestsPerSecond(), config.rateLimit().burst());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 5)
    public void limit(ContainerRequestContext request) {
        if (!enabled || !callerContext.isAuthenticated()) {
            return;
        }
        var caller = callerContext.caller();
        String key = caller.credentialId() == null ? caller.scope() : caller.credentialId();
        OptionalLong retryAfter = limiter.tryAcquire(key);
        if (retryAfter.isPresent()) {
            throw new ApiException(429, ApiException.RATE_LIMIT, ErrorCodes.RATE_LIMITED,
                    "Too many requests with this credential; retry after " + retryAfter.getAsLong() + " s.", null,
                    Map.of("Retry-After", Long.toString(retryAfter.getAsLong())));
        }
    }
}

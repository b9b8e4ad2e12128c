package com.firsthand.launcher;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The gateway's limit on requests without an Authorization header: a token bucket per client address (a burst,
 * then a sustained rate), as nginx's limit_req does in docker/gateway/nginx.conf. Authenticated callers are
 * limited per credential by the services. At most {@link #MAX_ADDRESSES} buckets are kept: the least recently
 * used address is forgotten first, which can only let it start over with a full burst.
 */
public final class UnauthenticatedRateLimit {

    static final int MAX_ADDRESSES = 10_000;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    UnauthenticatedRateLimit(double perSecond, int burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** {@code perSecond} requests a second per address after a burst of twice as many; 0 turns the limit off. */
    public static UnauthenticatedRateLimit of(int perSecond) {
        return new UnauthenticatedRateLimit(perSecond, 2 * perSecond, System::nanoTime);
    }

    /** Answers 429 in the error format to a request without credentials beyond its address's rate. */
    boolean refused(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.remoteAddress() == null) {
            return false;
        }
        OptionalLong wait = tryAcquire(request.remoteAddress().hostAddress());
        if (wait.isEmpty()) {
            return false;
        }
        request.response().putHeader("Retry-After", Long.toString(wait.getAsLong()));
        Gateway.error(request, 429, "rate_limit_error", "rate_limited", "Too many requests without credentials"
                + " from this address; retry after " + wait.getAsLong() + " s.");
        return true;
    }

    /** Takes a request from the address's bucket: empty when allowed, else the whole seconds to wait. */
    public synchronized OptionalLong tryAcquire(String address) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(address, key -> new Bucket(burst, now));
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond)));
    }

    synchronized int addresses() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}

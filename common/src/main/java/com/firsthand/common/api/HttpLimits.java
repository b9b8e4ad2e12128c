package com.firsthand.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request-size limits of the API, answered by every service in the error format: a request line longer than
 * {@link #MAX_REQUEST_LINE} is a 414, headers larger than {@link #MAX_HEADER_BYTES} a 431. The gateway applies the
 * same limits. The HTTP codec's own limits ({@code quarkus.http.limits}) sit well above these as a backstop only:
 * what the codec refuses gets an empty body, which Quarkus offers no hook to change (quarkus#55082).
 * A body whose declared length is over {@code quarkus.http.limits.max-body-size} is a 413 here too, and a failure
 * that Vert.x handlers raise before the REST layer is rendered in the error format as well.
 */
@ApplicationScoped
public class HttpLimits {

    public static final int MAX_REQUEST_LINE = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    /** Where Quarkus keeps the body limit for the REST layer's blocking reads (HttpServerCommonHandlers). */
    private static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public HttpLimits(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::renderFailure);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::takeOverStreamedLimit);
    }

    /**
     * A JSON body sent without a declared length is counted while it is read. Quarkus' own count ends the response
     * with an empty 413; {@link BodyLimitInterceptor} counts instead and fails with the error format.
     */
    private void takeOverStreamedLimit(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (context.request().getHeader("Content-Length") == null && context.get(QUARKUS_LIMIT_KEY) != null
                && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))) {
            context.put(QUARKUS_LIMIT_KEY, -1L);
        }
        context.next();
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_REQUEST_LINE) {
            respond(context, 414, "request_line_too_long", "The request URL is longer than the "
                    + MAX_REQUEST_LINE + " characters accepted.");
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            respond(context, 431, "request_headers_too_large", "The request headers are larger than the "
                    + MAX_HEADER_BYTES + " bytes accepted (Idempotency-Key: at most 255 characters).");
        } else if (declaredLength(request) > maxBodyBytes) {
            // Quarkus' own check of the declared length answers with an empty body; a chunked body over the limit
            // is refused by the REST layer while it reads, through the exception mappers.
            respond(context, 413, ErrorCodes.REQUEST_TOO_LARGE, "The request body is larger than the " + maxBodyBytes
                    + " bytes accepted on this path.");
        } else {
            context.next();
        }
    }

    private void renderFailure(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().headWritten() || status < 400 || status >= 500) {
            context.next();
            return;
        }
        String code = switch (status) {
            case 413 -> ErrorCodes.REQUEST_TOO_LARGE;
            case 414 -> "request_line_too_long";
            case 431 -> "request_headers_too_large";
            default -> ErrorCodes.INVALID_REQUEST;
        };
        respond(context, status, code, status == 413 ? "The request body is larger than this path accepts."
                : "The request is malformed.");
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void respond(RoutingContext context, int status, String code, String message) {
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(ApiError.of(ApiException.INVALID_REQUEST, code, message, null)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

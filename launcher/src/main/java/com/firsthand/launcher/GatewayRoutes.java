package com.firsthand.launcher;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The gateway's routing table: which service owns a request path. */
public final class GatewayRoutes {

    /** A service behind the gateway, listening on 127.0.0.1. */
    public record Backend(String name, int port) {
    }

    /** A path prefix, or a pattern when a service owns a sub-resource of another's (see docs/architecture.md). */
    private record Route(String prefix, Pattern pattern, Backend backend) {

        static Route prefix(String prefix, Backend backend) {
            return new Route(prefix, null, backend);
        }

        static Route pattern(String regex, Backend backend) {
            return new Route(null, Pattern.compile(regex), backend);
        }

        boolean matches(String path) {
            if (pattern != null) {
                return pattern.matcher(path).matches();
            }
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    /** The services' own limits (quarkus.http.limits.max-body-size): 60M for uploads, 1M elsewhere. */
    static final long UPLOAD_BODY_LIMIT = 60L * 1024 * 1024;
    static final long BODY_LIMIT = 1024L * 1024;
    /** The services' own request-size limits (common's HttpLimits), answered here first in the same way. */
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("/v1/worker/jobs/[^/]+/submissions");

    private final List<Route> routes;

    private GatewayRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public static GatewayRoutes of(Backend jobs, Backend submissions, Backend scoring, Backend webhooks) {
        return new GatewayRoutes(List.of(
                Route.prefix("/admin", jobs),
                Route.pattern("/v1/jobs/[^/]+/(files|submissions|calibration)(/.*)?", submissions),
                Route.prefix("/v1/jobs", jobs),
                Route.prefix("/v1/worker", submissions),
                Route.prefix("/v1/submissions", submissions),
                Route.prefix("/v1/usage", scoring),
                Route.prefix("/v1/webhook_endpoints", webhooks),
                Route.prefix("/v1/events", webhooks)));
    }

    /** Every service behind the gateway, once each, in route order. */
    public List<Backend> backends() {
        return routes.stream().map(Route::backend).distinct().toList();
    }

    /** The backend for a raw request path (no query string), or empty when no service owns it. */
    public Optional<Backend> route(String path) {
        if (path == null || !path.startsWith("/") || hasDotSegment(path)) {
            return Optional.empty();
        }
        return routes.stream().filter(route -> route.matches(path)).map(Route::backend).findFirst();
    }

    /**
     * The largest body the owning service accepts on this path. The gateway refuses a larger declared
     * Content-Length itself: a service that answers 413 and closes mid-upload would otherwise surface as a 502.
     */
    public long maxBodyBytes(String path) {
        return UPLOAD.matcher(path).matches() ? UPLOAD_BODY_LIMIT : BODY_LIMIT;
    }

    /**
     * Whether a request URL is one the services accept: they (Quarkus) parse it as a java.net.URI and answer an
     * empty 400 otherwise, so the gateway answers such a URL itself, in the error format.
     */
    public static boolean isValidUri(String uri) {
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * The backends normalize "." and ".." segments (also percent-encoded) after we routed, so
     * "/v1/usage/../jobs" would reach the scoring service as "/v1/jobs": refuse such paths instead.
     */
    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }
}

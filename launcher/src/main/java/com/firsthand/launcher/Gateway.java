package com.firsthand.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The single public entry point: a streaming reverse proxy (Vert.x) that sends each request to the service
 * owning its path, and answers unknown paths with the API's JSON 404.
 */
public final class Gateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "PATCH " and " HTTP/1.1" around the URL, which the codec counts in the line. */
    private static final int REQUEST_LINE_OVERHEAD = 32;

    private final Vertx vertx;
    private final HttpServer server;

    private Gateway(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts listening on {@code host:port} (port 0 picks a free one, see {@link #port()}). */
    public static Gateway start(String host, int port, GatewayRoutes routes) {
        return start(host, port, routes, UnauthenticatedRateLimit.of(0));
    }

    /** As above, with requests that carry no Authorization header limited per client address. */
    public static Gateway start(String host, int port, GatewayRoutes routes,
            UnauthenticatedRateLimit unauthenticated) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(64));
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .origin(context -> context.client().request(new RequestOptions().setServer(
                        SocketAddress.inetSocketAddress(backendOf(context, routes).port(), "127.0.0.1"))))
                .addInterceptor(new ForwardedHeaders());
        ApiDocs docs = new ApiDocs(client, routes.backends());
        // Answering "Expect: 100-continue" here lets clients start streaming a large upload at once.
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                        .setHandle100ContinueAutomatically(true).setHttp2ClearTextEnabled(false)
                        .setMaxInitialLineLength(GatewayRoutes.MAX_REQUEST_LINE + REQUEST_LINE_OVERHEAD)
                        .setMaxHeaderSize(GatewayRoutes.MAX_HEADER_BYTES))
                .invalidRequestHandler(Gateway::invalid)
                .requestHandler(request -> {
                    if (!GatewayRoutes.isValidUri(request.uri())) {
                        // The services refuse such a URL with an empty 400 before any of their code runs.
                        error(request, 400, "invalid_request", "The request URL is malformed: percent-encoding"
                                + " needs two hex digits (%XX), and characters such as spaces, quotes, <>, {}, | or ^"
                                + " must be percent-encoded.");
                    } else if (ApiDocs.serves(request)) {
                        docs.handle(request);
                    } else if (routes.route(request.path()).isEmpty()) {
                        error(request, 404, "route_not_found",
                                "No route for " + request.method().name() + " " + request.path() + ".");
                    } else if (declaredLength(request) > routes.maxBodyBytes(request.path())) {
                        // Read the body to its end first: clients still sending would see a reset, not the answer.
                        long limit = routes.maxBodyBytes(request.path());
                        request.handler(ignored -> { }).endHandler(end -> error(request, 413, "request_too_large",
                                "The request body is larger than the " + limit + " bytes accepted on this path."));
                    } else if (!unauthenticated.refused(request)) {
                        proxy.handle(request);
                    }
                });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new Gateway(vertx, server);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("gateway cannot listen on " + host + ":" + port + ": " + cause, cause);
        } catch (InterruptedException e) {
            vertx.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    private static GatewayRoutes.Backend backendOf(ProxyContext context, GatewayRoutes routes) {
        String path = context.request().proxiedRequest().path();
        return routes.route(path).orElseThrow(() -> new IllegalStateException("no route for " + path));
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A request the HTTP codec could not read (line or headers too long, not HTTP): answered in the error format. */
    private static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            error(request, 414, "request_line_too_long", "The request URL is longer than the "
                    + GatewayRoutes.MAX_REQUEST_LINE + " characters accepted.");
        } else if (cause instanceof TooLongHttpHeaderException) {
            error(request, 431, "request_headers_too_large", "The request headers are larger than the "
                    + GatewayRoutes.MAX_HEADER_BYTES + " bytes accepted (Idempotency-Key: at most 255 characters).");
        } else {
            error(request, 400, "invalid_request", "The request is not valid HTTP/1.1.");
        }
    }

    private static void error(HttpServerRequest request, int status, String code, String message) {
        error(request, status, "invalid_request_error", code, message);
    }

    static void error(HttpServerRequest request, int status, String type, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        error.put("param", null);
        try {
            request.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(JSON.writeValueAsString(Map.of("error", error)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            // One after the other from this thread: completing vertx.close() on its own event loop never happens.
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("gateway did not stop cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the caller's Host and tells the service who called, as a reverse proxy should. */
    private static final class ForwardedHeaders implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            MultiMap headers = request.headers();
            headers.remove(HttpHeaders.EXPECT);
            if (incoming.remoteAddress() != null) {
                String client = incoming.remoteAddress().hostAddress();
                String earlier = headers.get("X-Forwarded-For");
                headers.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
            }
            headers.set("X-Forwarded-Proto", incoming.scheme());
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
                request.setAuthority(incoming.authority());
            }
            return context.sendRequest();
        }
    }
}

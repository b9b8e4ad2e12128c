package com.firsthand.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.apidocs.ApiDescription;
import com.firsthand.apidocs.DocsPage;
import com.firsthand.apidocs.GatewaySite;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The public API description at the gateway: {@code /openapi.json} and {@code /openapi.yaml}, merged on each request
 * from the running services' own documents (so it is always the code that runs), and {@code /docs}, Swagger UI from
 * its webjar.
 */
final class ApiDocs {

    static final String JSON_PATH = "/" + GatewaySite.JSON_FILE;
    static final String YAML_PATH = "/" + GatewaySite.YAML_FILE;
    private static final String ASSET_PREFIX = DocsPage.PATH + "/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final List<GatewayRoutes.Backend> services;

    ApiDocs(HttpClient client, List<GatewayRoutes.Backend> services) {
        this.client = client;
        this.services = services;
    }

    static boolean serves(HttpServerRequest request) {
        String path = request.path();
        return request.method() == HttpMethod.GET && (JSON_PATH.equals(path) || YAML_PATH.equals(path)
                || DocsPage.PATH.equals(path) || path.startsWith(ASSET_PREFIX));
    }

    void handle(HttpServerRequest request) {
        String path = request.path();
        if (DocsPage.PATH.equals(path)) {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(DocsPage.HTML);
        } else if (JSON_PATH.equals(path) || YAML_PATH.equals(path)) {
            description(serverUrl(request)).onSuccess(merged -> request.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, JSON_PATH.equals(path) ? "application/json"
                                    : "application/yaml")
                            .end(JSON_PATH.equals(path) ? GatewaySite.json(merged) : GatewaySite.yaml(merged)))
                    .onFailure(error -> Gateway.error(request, 503, "api_error", "service_unavailable",
                            "A service is not answering; the API description needs all four: " + error.getMessage()));
        } else {
            asset(request, path.substring(ASSET_PREFIX.length()));
        }
    }

    /** The merged description, from each service's /q/openapi. */
    Future<JsonNode> description(String serverUrl) {
        List<Future<JsonNode>> documents = services.stream().map(this::document).toList();
        return Future.all(documents).map(all -> ApiDescription.merge(
                documents.stream().map(Future::result).toList(), serverUrl));
    }

    private Future<JsonNode> document(GatewayRoutes.Backend service) {
        return client.request(new RequestOptions().setHost("127.0.0.1").setPort(service.port())
                        .setURI("/q/openapi?format=json").setMethod(HttpMethod.GET))
                .compose(request -> request.send())
                .compose(response -> expectOk(service, response))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static Future<Buffer> expectOk(GatewayRoutes.Backend service, HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return Future.failedFuture(service.name() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void asset(HttpServerRequest request, String name) {
        DocsPage.asset(name).ifPresentOrElse(bytes -> request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, DocsPage.contentType(name))
                        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").end(Buffer.buffer(bytes)),
                () -> Gateway.error(request, 404, "invalid_request_error", "route_not_found", "No such file: " + name));
    }

    private static String serverUrl(HttpServerRequest request) {
        return GatewaySite.serverUrl(request.getHeader("X-Forwarded-Proto"), request.getHeader("X-Forwarded-Host"),
                request.authority() == null ? null : request.authority().toString(), request.scheme());
    }
}

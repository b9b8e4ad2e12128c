package com.firsthand.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public API description at the gateway: {@code /openapi.json} and {@code /openapi.yaml}, merged on each request
 * from the running services' own documents (so it is always the code that runs), and {@code /docs}, Swagger UI from
 * its webjar.
 */
final class ApiDocs {

    static final String JSON_PATH = "/openapi.json";
    static final String YAML_PATH = "/openapi.yaml";
    static final String DOCS_PATH = "/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern ASSET = Pattern.compile("/docs/([A-Za-z0-9][A-Za-z0-9._-]*\\.(js|css|png))");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>FirstHand API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
              </script>
            </body>
            </html>
            """;

    private final HttpClient client;
    private final List<GatewayRoutes.Backend> services;
    private final String webjarVersion;

    ApiDocs(HttpClient client, List<GatewayRoutes.Backend> services) {
        this.client = client;
        this.services = services;
        this.webjarVersion = webjarVersion();
    }

    static boolean serves(HttpServerRequest request) {
        String path = request.path();
        return request.method() == HttpMethod.GET && (JSON_PATH.equals(path) || YAML_PATH.equals(path)
                || DOCS_PATH.equals(path) || ASSET.matcher(path).matches());
    }

    void handle(HttpServerRequest request) {
        String path = request.path();
        if (DOCS_PATH.equals(path)) {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(PAGE);
        } else if (JSON_PATH.equals(path) || YAML_PATH.equals(path)) {
            description(serverUrl(request)).onSuccess(merged -> request.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, JSON_PATH.equals(path) ? "application/json"
                                    : "application/yaml")
                            .end(JSON_PATH.equals(path) ? json(merged) : yaml(merged)))
                    .onFailure(error -> Gateway.error(request, 503, "api_error", "service_unavailable",
                            "A service is not answering; the API description needs all four: " + error.getMessage()));
        } else {
            asset(request, ASSET.matcher(path).replaceFirst("$1"));
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

    private void asset(HttpServerRequest request, String file) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR + webjarVersion + "/" + file)) {
            if (in == null) {
                Gateway.error(request, 404, "invalid_request_error", "route_not_found", "No such file: " + file);
                return;
            }
            String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "image/png";
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").end(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL the caller reached this gateway at: the description's server, so a generated client works as is. */
    private static String serverUrl(HttpServerRequest request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        String host = request.getHeader("X-Forwarded-Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        return (proto == null ? request.scheme() : proto) + "://" + (host == null ? "localhost" : host);
    }

    private static String json(JsonNode merged) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yaml(JsonNode merged) {
        try {
            return YAML.writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = ApiDocs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing from the classpath", e);
        }
    }
}

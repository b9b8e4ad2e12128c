package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.firsthand.apidocs.DocsPage;
import com.firsthand.apidocs.GatewaySite;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway image's configuration in a real nginx: it routes like the launcher's gateway, serves the API
 * description and its page from the files api-docs built, and answers what it refuses in the API's error format.
 */
class NginxGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SITE = "api-docs/target/gateway-site/";

    @TempDir
    static Path work;
    private static NginxGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        gateway = NginxGateway.start(work);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /**
     * The launcher's choice of service, or its JSON 404, for every sample path (every other one with a query). A path
     * whose dot segments climb above the root never reaches the routing in nginx: its URI parser refuses it, a 400
     * that nginx.conf also answers in the error format.
     */
    @Test
    void routesEveryPathToTheServiceTheLauncherRoutesItTo() throws Exception {
        List<String> uris = new ArrayList<>();
        for (String path : GatewayRoutingTest.samplePaths()) {
            uris.add(uris.size() % 2 == 0 ? path : path + "?limit=10&cursor=a/b");
        }
        List<String> mismatches = new ArrayList<>();
        for (int from = 0; from < uris.size(); from += 16) {
            List<String> batch = uris.subList(from, Math.min(from + 16, uris.size()));
            List<CompletableFuture<HttpResponse<String>>> responses = batch.stream().map(uri -> CLIENT.sendAsync(
                    authenticated(uri).GET().build(), HttpResponse.BodyHandlers.ofString())).toList();
            for (int i = 0; i < batch.size(); i++) {
                String uri = batch.get(i);
                String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
                Optional<String> expected = GatewayRoutingTest.REFERENCE.route(path).map(backend -> backend.name());
                HttpResponse<String> response = responses.get(i).join();
                Optional<String> actual = response.headers().firstValue(NginxGateway.BACKEND_HEADER);
                boolean refused = response.statusCode() == 404 && code(response).equals("route_not_found")
                        || climbsAboveTheRoot(path) && response.statusCode() == 400
                        && code(response).equals("invalid_request");
                if (!actual.equals(expected) || actual.isEmpty() && !refused) {
                    mismatches.add(uri + " -> nginx " + actual.orElse(String.valueOf(response.statusCode()))
                            + ", launcher " + expected.orElse("404"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void servesTheApiDescriptionBuiltWithTheImageNamingTheGatewayAsItsServer() throws Exception {
        String host = URI.create(gateway.url("/")).getAuthority();
        HttpResponse<String> json = send(request("/openapi.json").GET());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json.body()).isEqualTo(Project.read(SITE + GatewaySite.JSON_FILE)
                .replace(GatewaySite.SERVER_URL_PLACEHOLDER, GatewaySite.serverUrl(null, null, host, "http")));
        JsonNode description = JSON.readTree(json.body());
        assertThat(description.path("paths").has("/v1/jobs")).isTrue();
        assertThat(description.path("webhooks").has("submission.scored")).isTrue();

        HttpResponse<String> yaml = send(request("/openapi.yaml").GET());
        assertThat(yaml.headers().firstValue("Content-Type")).contains("application/yaml");
        assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(description);

        String[][] forwarded = {{"https", "api.example.com"}, {"http", "api.example.com:8443"}, {"ftp", null},
                {"https", "evil.example\"}, \"x\": {"}, {"HTTPS", "[::1]:8080"}};
        for (String[] proxy : forwarded) {
            HttpRequest.Builder request = request("/openapi.json").GET().header("X-Forwarded-Proto", proxy[0]);
            if (proxy[1] != null) {
                request.header("X-Forwarded-Host", proxy[1]);
            }
            JsonNode document = JSON.readTree(send(request).body());
            assertThat(document.path("servers").get(0).path("url").asText()).as("%s %s", proxy[0], proxy[1])
                    .isEqualTo(GatewaySite.serverUrl(proxy[0], proxy[1], host, "http"));
        }
    }

    @Test
    void servesTheDocsPageAndItsAssetsWithoutACdn() throws Exception {
        HttpResponse<String> page = send(request("/docs").GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).isEqualTo(DocsPage.HTML);
        for (String asset : DocsPage.ASSETS) {
            HttpResponse<byte[]> file = CLIENT.send(request("/docs/" + asset).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(asset).contains(DocsPage.contentType(asset));
            assertThat(file.body()).as(asset).isEqualTo(DocsPage.asset(asset).orElseThrow());
        }
        for (String missing : List.of("/docs/nope.js", "/docs/", "/docs/swagger-ui.css/x", "/openapi.xml")) {
            HttpResponse<String> response = send(request(missing).GET());
            assertThat(response.statusCode()).as(missing).isEqualTo(404);
            assertThat(code(response)).as(missing).isEqualTo("route_not_found");
        }
        for (String path : List.of("/openapi.json", "/docs", "/docs/swagger-ui.css")) {
            HttpResponse<String> post = send(request(path).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(post.statusCode()).as("POST " + path).isEqualTo(404);
            assertThat(code(post)).as("POST " + path).isEqualTo("route_not_found");
        }
    }

    @Test
    void refusesInTheApiErrorFormat() throws Exception {
        String malformed = raw("GET /v1/jobs/%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(malformed).startsWith("HTTP/1.1 400").contains("\"code\":\"invalid_request\"");

        String tooLarge = raw("POST /v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("\"code\":\"request_too_large\"");

        List<HttpResponse<String>> anonymous = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            anonymous.add(send(request("/v1/jobs").GET()));
        }
        HttpResponse<String> limited = anonymous.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("40 requests without credentials at once were all let through"));
        assertThat(code(limited)).isEqualTo("rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void aServiceThatIsDownIsA503InTheErrorFormat(@TempDir Path other) throws Exception {
        try (NginxGateway partial = NginxGateway.start(other, "webhook-service")) {
            HttpResponse<String> down = CLIENT.send(HttpRequest.newBuilder(URI.create(partial.url("/v1/events")))
                    .header("Authorization", "Bearer k").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(code(down)).isEqualTo("service_unavailable");
            HttpResponse<String> up = CLIENT.send(HttpRequest.newBuilder(URI.create(partial.url("/v1/jobs")))
                    .header("Authorization", "Bearer k").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.headers().firstValue(NginxGateway.BACKEND_HEADER)).contains("jobs-service");
        }
    }

    private static boolean climbsAboveTheRoot(String path) {
        int depth = 0;
        for (String segment : path.substring(1).split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            depth += decoded.equals("..") ? -1 : decoded.equals(".") ? 0 : 1;
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gateway.url(pathAndQuery)));
    }

    /** Authenticated callers are not limited per address by the gateway (the services limit them per credential). */
    private static HttpRequest.Builder authenticated(String pathAndQuery) {
        return request(pathAndQuery).header("Authorization", "Bearer test");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }

    /** One exchange as bytes on the wire, for requests an HTTP client would refuse to send; the status line and body. */
    private static String raw(String request) throws IOException {
        URI uri = URI.create(gateway.url("/"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            Matcher length = Pattern.compile("(?im)^Content-Length: (\\d+)").matcher(head);
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            return head + new String(body, StandardCharsets.UTF_8);
        }
    }
}

package com.firsthand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.launcher.GatewayRoutes.Backend;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Routes real HTTP through the gateway to two small JDK HTTP servers standing in for services. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The client sends this much, then waits until the backend has received at least half of it. */
    private static final int SENT_BEFORE_WAITING = 2 * 1024 * 1024;

    private static HttpServer jobs;
    private static HttpServer submissions;
    private static Gateway gateway;
    private static volatile CountDownLatch backendGotFirstPart = new CountDownLatch(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        jobs = echoServer("jobs");
        submissions = echoServer("submissions");
        Backend jobsBackend = new Backend("jobs", jobs.getAddress().getPort());
        Backend submissionsBackend = new Backend("submissions", submissions.getAddress().getPort());
        // Scoring and webhooks are not running: only their routes' existence matters here.
        gateway = Gateway.start("127.0.0.1", 0, GatewayRoutes.of(jobsBackend, submissionsBackend,
                new Backend("scoring", 1), new Backend("webhooks", 1)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        jobs.stop(0);
        submissions.stop(0);
    }

    @Test
    void getReachesTheOwningBackendWithPathQueryAndForwardingHeaders() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        url("/v1/jobs/job_1?limit=10&starting_after=job%2F0"))
                .header("Authorization", "Bearer fh_live_x").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("backend").asText()).isEqualTo("jobs");
        assertThat(echo.get("method").asText()).isEqualTo("GET");
        assertThat(echo.get("uri").asText()).isEqualTo("/v1/jobs/job_1?limit=10&starting_after=job%2F0");
        assertThat(echo.get("authorization").asText()).isEqualTo("Bearer fh_live_x");
        assertThat(echo.get("host").asText()).isEqualTo("127.0.0.1:" + gateway.port());
        assertThat(echo.get("x-forwarded-host").asText()).isEqualTo("127.0.0.1:" + gateway.port());
        assertThat(echo.get("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(echo.get("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void otherPathsReachTheOtherBackend() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/worker/assignments")).GET().build());

        assertThat(JSON.readTree(response.body()).get("backend").asText()).isEqualTo("submissions");
    }

    @Test
    void largeBodyPassesUnchanged() throws Exception {
        byte[] body = new byte[12 * 1024 * 1024];
        new Random(42).nextBytes(body);

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/worker/jobs/job_1/submissions"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("backend").asText()).isEqualTo("submissions");
        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(echo.get("length").asLong()).isEqualTo(body.length);
        assertThat(echo.get("sha256").asText()).isEqualTo(sha256(body));
    }

    /** The client holds back the rest of the body until the backend has most of its start: buffering would hang. */
    @Test
    void uploadStreamsThroughWithoutBuffering() throws Exception {
        backendGotFirstPart = new CountDownLatch(1);
        byte[] body = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(body);

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/worker/jobs/job_1/submissions"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new HeldBackStream(body))).build());

        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("length").asLong()).isEqualTo(body.length);
        assertThat(echo.get("sha256").asText()).isEqualTo(sha256(body));
    }

    @Test
    void aBodyOverTheServicesLimitGetsJson413FromTheGateway() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("request_too_large");
    }

    @Test
    void unknownPathGetsJson404() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v2/nothing?x=1"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"route_not_found\","
                        + "\"message\":\"No route for DELETE /v2/nothing.\",\"param\":null}}"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} bytes of headers")
    @org.junit.jupiter.params.provider.ValueSource(ints = {16_500, 20_000, 100_000})
    void headersOverTheLimitGetJson431(int bytes) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/jobs"))
                .header("Idempotency-Key", "k".repeat(bytes)).GET().build());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText())
                .isEqualTo("request_headers_too_large");
    }

    @Test
    void headersWithinTheLimitPass() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/jobs"))
                .header("Idempotency-Key", "k".repeat(10_000)).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("backend").asText()).isEqualTo("jobs");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "URL of {0} characters")
    @org.junit.jupiter.params.provider.ValueSource(ints = {8_300, 50_000})
    void aUrlOverTheLimitGetsJson414(int length) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/jobs?c=" + "c".repeat(length))).GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asText())
                .isEqualTo("request_line_too_long");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"GARBAGE\r\n\r\n",
        "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "GET /v1/jobs HTTP/1.1\r\nno colon here\r\n\r\n"})
    void requestsThatAreNotHttpGetJson400(String raw) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).matches("(?s)HTTP/1\\.[01] 400 .*").contains("\"type\":\"invalid_request_error\"")
                    .contains("\"code\":\"invalid_request\"");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/v1/jobs?limit=%zz", "/v1/jobs?limit=%", "/v1/jobs/%zz",
        "/v1/jobs?q={}", "/v1/jobs|x", "/v1/jobs?a=\"b\"", "/v1/jobs/%G0"})
    void aUrlTheServicesCannotParseGetsJson400(String url) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + url + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"invalid_request\"")
                    .contains("percent-encoding").doesNotContain("\"backend\"");
        }
    }

    @Test
    void dotSegmentsCannotHopToAnotherService() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/v1/submissions/%2e%2e/jobs")).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    private static HttpServer echoServer(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> echo(name, exchange));
        server.start();
        return server;
    }

    private static void echo(String name, HttpExchange exchange) throws IOException {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("backend", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("uri", exchange.getRequestURI().toString());
        for (String header : new String[] {"Authorization", "Host", "X-Forwarded-Host", "X-Forwarded-Proto",
                "X-Forwarded-For"}) {
            echo.put(header.toLowerCase(), exchange.getRequestHeaders().getFirst(header));
        }
        try (InputStream in = exchange.getRequestBody()) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[64 * 1024];
            long length = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                length += n;
                if (length >= SENT_BEFORE_WAITING / 2) {
                    backendGotFirstPart.countDown();
                }
            }
            echo.put("length", length);
            echo.put("sha256", HexFormat.of().formatHex(digest.digest()));
        }
        byte[] answer = JSON.writeValueAsBytes(echo);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Gives the first part, then waits until the backend has received at least half of it (some data is always
     * in flight in the client and the sockets) before giving the rest.
     */
    private static final class HeldBackStream extends InputStream {

        private final byte[] body;
        private int position;

        HeldBackStream(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position == SENT_BEFORE_WAITING) {
                try {
                    if (!backendGotFirstPart.await(20, TimeUnit.SECONDS)) {
                        throw new IOException("the backend never got the start of the body: buffered?");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (position >= body.length) {
                return -1;
            }
            int limit = position < SENT_BEFORE_WAITING ? SENT_BEFORE_WAITING : body.length;
            int n = Math.min(length, limit - position);
            System.arraycopy(body, position, target, offset, n);
            position += n;
            return n;
        }
    }
}

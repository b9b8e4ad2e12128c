package com.firsthand.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The public API through the gateway, as a client sees it. */
public final class Api {

    /**
     * @param status 0 when no answer came (connection refused or reset)
     * @param headers the response headers, empty when no answer came
     */
    public record Reply(int status, String body, Map<String, List<String>> headers) {

        public Reply(int status, String body) {
            this(status, body, Map.of());
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, DescriptionConformance> DESCRIPTIONS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String gateway;

    public Api(String gateway) {
        this.gateway = gateway;
    }

    public String gateway() {
        return gateway;
    }

    public Reply get(String path, String bearer) {
        return send(request(path, bearer).GET(), null);
    }

    public Reply get(String path, String bearer, String headerName, String headerValue) {
        return send(request(path, bearer).header(headerName, headerValue).GET(), null);
    }

    public Reply post(String path, String bearer, String json) {
        return post(path, bearer, json, UUID.randomUUID().toString());
    }

    /** With the caller's Idempotency-Key: a retry after a lost answer repeats the same request. */
    public Reply post(String path, String bearer, String json, String idempotencyKey) {
        return post(path, bearer, json, idempotencyKey, Map.of());
    }

    public Reply post(String path, String bearer, String json, String idempotencyKey, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, bearer).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)), json);
    }

    public Reply upload(String path, String bearer, String fileName, String contentType, byte[] file) {
        return upload(path, bearer, fileName, contentType, file, UUID.randomUUID().toString());
    }

    public Reply upload(String path, String bearer, String fileName, String contentType, byte[] file,
            String idempotencyKey) {
        return upload(path, bearer, fileName, contentType, file, idempotencyKey, Map.of());
    }

    public Reply upload(String path, String bearer, String fileName, String contentType, byte[] file,
            String idempotencyKey, Map<String, String> headers) {
        String boundary = "fh" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(path, bearer).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), null);
    }

    public byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("download " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * Every exchange must match the gateway's API description: an answer drifting from its schema (a field, an
     * error code) fails the test that got it, and so does a request the description forbids that the API accepted
     * (a request it forbids and the API refuses is a bad-input test doing its work).
     */
    private void conform(HttpRequest request, String body, Reply reply) {
        String pathAndQuery = request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        List<String> problems = new ArrayList<>(conformance().check(request.method(), pathAndQuery, reply.status(),
                reply.body()));
        if (reply.status() >= 200 && reply.status() < 300) {
            problems.addAll(conformance().checkRequest(request.method(), pathAndQuery, request.headers().map(), body)
                    .stream().map(problem -> "accepted a request the description forbids: " + problem).toList());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange does not match the API description: " + problems + "\n"
                    + reply.body());
        }
    }

    /** The gateway's API description, as the check of every answer reads it. */
    DescriptionConformance conformance() {
        return DESCRIPTIONS.computeIfAbsent(gateway, url -> {
            try {
                HttpResponse<String> description = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/openapi.json"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                return new DescriptionConformance(JSON.readTree(description.body()));
            } catch (IOException e) {
                throw new AssertionError("no API description at " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    /** @param body the JSON body sent, null for none or a multipart one */
    private Reply send(HttpRequest.Builder builder, String body) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.body(), response.headers().map());
            conform(request, body, reply);
            return reply;
        } catch (IOException e) {
            return new Reply(0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

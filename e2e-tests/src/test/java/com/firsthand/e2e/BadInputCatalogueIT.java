package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.common.testing.SyntheticPhotos;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed or hostile requests across the public API, through the gateway (and, for the HTTP-layer
 * limits, straight to the services): each gets the expected 4xx in the error format, none a 5xx, and nothing is
 * stored.
 */
@ExtendWith(LocalStack.class)
class BadInputCatalogueIT {

    /** One request and the status it must get; {@code base} null sends it through the gateway. */
    record Case(String name, String method, String path, String bearer, String contentType, byte[] body,
            Map<String, String> headers, int expected, String base) {

        Case(String name, String method, String path, String bearer, String contentType, byte[] body,
                Map<String, String> headers, int expected) {
            this(name, method, path, bearer, contentType, body, headers, expected, null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String VALID_JOB = "{\"type\":\"data_collection\",\"description\":\"Mailboxes\","
            + "\"files_needed\":3,\"accepted_formats\":[\"image/jpeg\"],\"price_per_file_cents\":50}";

    private final LocalStack stack = LocalStack.get();
    private final Api api = stack.api();
    private final List<Case> cases = new ArrayList<>();

    @Test
    void everyBadRequestGetsItsFourHundredAndNothingIsStored() throws Exception {
        String admin = stack.adminToken();
        JsonNode org = api.post("/admin/organizations", admin, "{\"name\":\"Catalogue\"}").json();
        String buyer = org.path("api_key").path("secret").asText();
        String stranger = api.post("/admin/organizations", admin, "{\"name\":\"Stranger\"}").json()
                .path("api_key").path("secret").asText();
        String worker = api.post("/admin/workers", admin, "{\"name\":\"Catalogue worker\"}").json()
                .path("token").path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/jobs", buyer).status() == 200
                && api.get("/v1/worker/jobs", worker).status() == 200 && api.get("/v1/usage", stranger).status() == 200
                && api.get("/v1/webhook_endpoints", buyer).status() == 200);
        String strangersJob = api.post("/v1/jobs", stranger, VALID_JOB).json().path("id").asText();

        jobBodies(buyer);
        queries(buyer);
        credentials(buyer, worker, admin);
        revokedCredentials(org.path("id").asText(), admin);
        foreignIds(buyer, strangersJob);
        uploads(worker, strangersJob);
        webhookEndpoints(buyer);
        cases.addAll(ProtocolCases.limitsAndDuplicates(buyer, admin));
        SoftAssertions softly = new SoftAssertions();
        int withoutAssignment = cases.size();
        sendAll(softly);

        // The same worker now holds a slot on the stranger's job: every hostile file is refused, none stored.
        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.post("/v1/worker/jobs/" + strangersJob + "/accept", worker, null).status() == 200);
        cases.clear();
        hostileFiles(worker, strangersJob);
        cases.addAll(ProtocolCases.malformedUploads(worker, strangersJob,
                SyntheticPhotos.jpeg(SyntheticPhotos.scene(4, 200, 150), 0.8f)));
        int withAssignment = cases.size();
        sendAll(softly);
        softly.assertAll();
        assertThat(withoutAssignment + withAssignment).isGreaterThanOrEqualTo(100);

        assertThat(api.get("/v1/jobs", buyer).json().path("data")).as("no job stored").isEmpty();
        assertThat(api.get("/v1/submissions", stranger).json().path("data")).as("no submission stored").isEmpty();
        assertThat(api.get("/v1/webhook_endpoints", buyer).json().path("data")).as("no endpoint stored").isEmpty();
    }

    private void add(String name, String method, String path, String bearer, String json, int expected) {
        cases.add(new Case(name, method, path, bearer, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of(), expected));
    }

    private static String job(String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("type", "\"data_collection\"",
                "description", "\"Mailboxes\"", "files_needed", "3", "accepted_formats", "[\"image/jpeg\"]",
                "price_per_file_cents", "50"));
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private void jobBodies(String buyer) {
        for (String malformed : List.of("{", "[]", "null", "\"a string\"", "{\"type\":}", "{\"type\":\"data_collection\",}",
                "{'type':'data_collection'}", "", "{\"type\":\"data_collection\"}}", "\u0000\u0001")) {
            add("malformed JSON " + malformed.replace("\u0000", "\\0"), "POST", "/v1/jobs", buyer, malformed, 400);
        }
        for (String field : List.of("type", "description", "files_needed", "accepted_formats", "price_per_file_cents")) {
            add("missing " + field, "POST", "/v1/jobs", buyer, job(field, null), 400);
            add("null " + field, "POST", "/v1/jobs", buyer, job(field, "null"), 400);
        }
        Map<String, List<String>> wrong = new java.util.LinkedHashMap<>();
        wrong.put("type", List.of("1", "\"survey\"", "[\"data_collection\"]", "\"\""));
        wrong.put("description", List.of("42", "[]", "\"\"", "\"" + "x".repeat(20_001) + "\""));
        wrong.put("files_needed", List.of("\"10\"", "1.5", "0", "-1", "1e30", "99999999999999999999", "true"));
        wrong.put("accepted_formats", List.of("\"image/jpeg\"", "[]", "[\"image/tiff\"]", "[1]", "[\"../../etc\"]"));
        wrong.put("price_per_file_cents", List.of("-5", "\"50\"", "1e100", "50.5", "{}"));
        wrong.put("location", List.of("{\"lat\":91,\"lng\":0,\"radius_km\":1}", "{\"lat\":0,\"lng\":181,\"radius_km\":1}",
                "{\"lat\":0,\"lng\":0,\"radius_km\":-1}", "{\"lat\":\"x\",\"lng\":0,\"radius_km\":1}", "[1,2]",
                "{\"lat\":0,\"lng\":0}"));
        wrong.put("deadline", List.of("\"tomorrow\"", "\"2020-01-01T00:00:00Z\"", "12345"));
        wrong.put("max_workers", List.of("0", "-1", "\"many\""));
        wrong.put("metadata", List.of("[]", "{\"a\":{\"nested\":true}}", manyKeys(21)));
        wrong.put("min_width", List.of("-1", "\"wide\""));
        wrong.put("unknown_field", List.of("1"));
        wrong.forEach((field, values) -> values.forEach(value -> add("job " + field + "=" + abbreviate(value), "POST",
                "/v1/jobs", buyer, job(field, value), 400)));
        cases.add(new Case("job as text/plain", "POST", "/v1/jobs", buyer, "text/plain",
                VALID_JOB.getBytes(StandardCharsets.UTF_8), Map.of(), 415));
        cases.add(new Case("job as XML", "POST", "/v1/jobs", buyer, "application/xml",
                "<job/>".getBytes(StandardCharsets.UTF_8), Map.of(), 415));
        cases.add(new Case("job of 2 MB", "POST", "/v1/jobs", buyer, "application/json",
                job("description", "\"" + "x".repeat(2_000_000) + "\"").getBytes(StandardCharsets.UTF_8), Map.of(), 413));
        cases.add(new Case("job without Idempotency-Key", "POST", "/v1/jobs", buyer, "application/json",
                VALID_JOB.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", ""), 400));
    }

    private void queries(String buyer) {
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1e3", "cursor=garbage",
                "cursor=" + "A".repeat(3000), "status=lost", "type=unknown")) {
            add("GET /v1/jobs?" + abbreviate(query), "GET", "/v1/jobs?" + query, buyer, null, 400);
        }
        for (String query : List.of("status=lost", "min_score=0", "min_score=6", "min_score=x", "limit=500",
                "cursor=%00%01", "start_date=31/12/2026", "end_date=2026-13-45",
                "start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")) {
            add("GET /v1/submissions?" + query, "GET", "/v1/submissions?" + query, buyer, null, 400);
        }
        add("GET /v1/usage?start_date=bad", "GET", "/v1/usage?start_date=bad", buyer, null, 400);
        for (String date : List.of("-999999999-01-01T00:00:00Z", "%2B999999999-12-31T00:00:00Z", "0000-01-01T00:00:00Z")) {
            add("summary from " + date, "GET", "/v1/submissions/summary?start_date=" + date, buyer, null, 400);
            add("usage from " + date, "GET", "/v1/usage?start_date=" + date, buyer, null, 400);
        }
        add("GET /v1/events?limit=0", "GET", "/v1/events?limit=0", buyer, null, 400);
        add("GET /v1/events?type=nope", "GET", "/v1/events?type=nope", buyer, null, 400);
    }

    private void credentials(String buyer, String worker, String admin) {
        add("no key", "GET", "/v1/jobs", null, null, 401);
        add("unknown key", "GET", "/v1/jobs", "fh_live_" + UUID.randomUUID(), null, 401);
        add("truncated key", "GET", "/v1/jobs", buyer.substring(0, buyer.length() - 3), null, 401);
        add("garbage bearer", "GET", "/v1/usage", "%%%%", null, 401);
        add("worker token on buyer API", "GET", "/v1/jobs", worker, null, 403);
        add("worker token on usage", "GET", "/v1/usage", worker, null, 403);
        add("worker token on webhooks", "GET", "/v1/webhook_endpoints", worker, null, 403);
        add("buyer key on worker API", "GET", "/v1/worker/jobs", buyer, null, 403);
        add("buyer key on admin API", "POST", "/admin/organizations", buyer, "{\"name\":\"x\"}", 401);
        add("admin token on buyer API", "GET", "/v1/jobs", admin, null, 401);
        cases.add(new Case("Basic auth", "GET", "/v1/jobs", null, null, null,
                Map.of("Authorization", "Basic dXNlcjpwYXNz"), 401));
    }

    private void foreignIds(String buyer, String strangersJob) {
        for (String path : List.of("/v1/jobs/" + strangersJob, "/v1/jobs/job_01J00000000000000000000000",
                "/v1/jobs/" + strangersJob + "/files", "/v1/jobs/" + strangersJob + "/submissions",
                "/v1/submissions/sub_01J00000000000000000000000", "/v1/jobs/not-an-id",
                "/v1/jobs/" + "j".repeat(3000), "/v1/webhook_endpoints/we_01J00000000000000000000000",
                "/v1/events/evt_01J00000000000000000000000")) {
            add("GET " + abbreviate(path), "GET", path, buyer, null, 404);
        }
        add("cancel a stranger's job", "POST", "/v1/jobs/" + strangersJob + "/cancel", buyer, null, 404);
        add("rate a stranger's job", "POST", "/v1/jobs/" + strangersJob + "/rate", buyer, "{\"rating\":5}", 404);
        add("path traversal", "GET", "/v1/usage/../jobs", buyer, null, 404);
    }

    private void uploads(String worker, String strangersJob) {
        String path = "/v1/worker/jobs/" + strangersJob + "/submissions";
        byte[] photo = SyntheticPhotos.jpeg(SyntheticPhotos.scene(1, 400, 300), 0.8f);
        cases.add(multipart("upload without an assignment", path, worker, "photo.jpg", photo, 409));
        cases.add(new Case("upload as JSON", "POST", path, worker, "application/json",
                "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of(), 415));
        add("accept an unknown job", "POST", "/v1/worker/jobs/job_01J00000000000000000000000/accept", worker, null, 404);
        add("upload to an unknown job", "POST", "/v1/worker/jobs/job_01J00000000000000000000000/submissions",
                worker, "{}", 415);
        add("worker submission of another", "GET", "/v1/worker/submissions/sub_01J00000000000000000000000", worker,
                null, 404);
        add("worker submissions?limit=0", "GET", "/v1/worker/submissions?limit=0", worker, null, 400);
    }

    private void webhookEndpoints(String buyer) {
        for (String url : List.of("ftp://example.com/hook", "file:///etc/passwd", "javascript:alert(1)", "not a url",
                "http://", "https://exa mple.com/", "gopher://example.com", "https://user:pass@example.com/h",
                "http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://10.0.0.1/h",
                "http://172.16.5.4/h", "http://192.168.1.1/h", "http://100.64.0.1/h", "http://0.0.0.0:8084/h",
                "http://[fd00::1]/h", "http://[fe80::1]/h", "http://224.0.0.1/h", "http://[64:ff9b::a00:1]/h")) {
            add("webhook url " + abbreviate(url), "POST", "/v1/webhook_endpoints", buyer,
                    "{\"url\":\"" + url + "\",\"enabled_events\":[\"submission.scored\"]}", 400);
        }
        add("webhook unknown event", "POST", "/v1/webhook_endpoints", buyer,
                "{\"url\":\"https://example.com/h\",\"enabled_events\":[\"submission.eaten\"]}", 400);
        add("webhook no events", "POST", "/v1/webhook_endpoints", buyer,
                "{\"url\":\"https://example.com/h\",\"enabled_events\":[]}", 400);
        add("webhook events not a list", "POST", "/v1/webhook_endpoints", buyer,
                "{\"url\":\"https://example.com/h\",\"enabled_events\":\"*\"}", 400);
        add("webhook malformed", "POST", "/v1/webhook_endpoints", buyer, "{\"url\":", 400);
    }

    private void sendAll(SoftAssertions softly) throws Exception {
        for (Case c : cases) {
            HttpResponse<String> response = send(c);
            softly.assertThat(response.statusCode()).as(c.name() + " → " + response.body()).isEqualTo(c.expected());
            JsonNode error = Api.JSON.readTree(response.body().isEmpty() ? "{}" : response.body()).path("error");
            softly.assertThat(error.path("type").asText()).as(c.name() + ": error.type").isNotEmpty();
            softly.assertThat(error.path("message").asText()).as(c.name() + ": error.message").isNotEmpty();
        }
    }

    /** A second API key and a worker token, revoked: each is refused once the revocation has spread. */
    private void revokedCredentials(String orgId, String admin) {
        JsonNode key = api.post("/admin/organizations/" + orgId + "/api_keys", admin, null).json();
        JsonNode token = api.post("/admin/workers", admin, "{\"name\":\"Revoked worker\"}").json().path("token");
        String keySecret = key.path("secret").asText();
        String tokenSecret = token.path("secret").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/v1/jobs", keySecret).status() == 200
                && api.get("/v1/worker/jobs", tokenSecret).status() == 200);
        assertThat(api.post("/admin/credentials/" + key.path("id").asText() + "/revoke", admin, null).status())
                .isEqualTo(200);
        assertThat(api.post("/admin/credentials/" + token.path("id").asText() + "/revoke", admin, null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/jobs", keySecret).status() == 401
                && api.get("/v1/worker/jobs", tokenSecret).status() == 401);
        add("revoked API key on jobs", "GET", "/v1/jobs", keySecret, null, 401);
        add("revoked API key posting a job", "POST", "/v1/jobs", keySecret, VALID_JOB, 401);
        add("revoked API key on submissions", "GET", "/v1/submissions", keySecret, null, 401);
        add("revoked API key on webhooks", "GET", "/v1/webhook_endpoints", keySecret, null, 401);
        add("revoked worker token", "GET", "/v1/worker/jobs", tokenSecret, null, 401);
        add("revoked worker token on earnings", "GET", "/v1/worker/earnings", tokenSecret, null, 401);
    }

    private void hostileFiles(String worker, String jobId) {
        String path = "/v1/worker/jobs/" + jobId + "/submissions";
        byte[] jpeg = SyntheticPhotos.jpeg(SyntheticPhotos.scene(2, 400, 300), 0.8f);
        byte[] png = SyntheticPhotos.png(SyntheticPhotos.scene(3, 400, 300));
        byte[] bomb = png.clone();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(60_000).putInt(60_000);
        cases.add(multipart("text claiming to be a JPEG", path, worker, "photo.jpg", "image/jpeg",
                "just some text, not a photo".getBytes(StandardCharsets.UTF_8), null, 415));
        cases.add(multipart("PNG claiming to be a JPEG on a JPEG-only job", path, worker, "photo.jpg", "image/jpeg",
                png, null, 415));
        cases.add(multipart("HTML claiming to be a JPEG", path, worker, "photo.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), null, 415));
        cases.add(multipart("truncated JPEG", path, worker, "photo.jpg", "image/jpeg",
                Arrays.copyOf(jpeg, 300), null, 400));
        cases.add(multipart("JPEG with its header overwritten", path, worker, "photo.jpg", "image/jpeg",
                corrupted(jpeg), null, 400));
        cases.add(multipart("decompression bomb: PNG header claiming 60000x60000", path, worker, "photo.png",
                "image/png", bomb, null, 400));
        cases.add(multipart("empty file", path, worker, "photo.jpg", "image/jpeg", new byte[0], null, 415));
        cases.add(multipart("file over the 50 MB limit", path, worker, "photo.jpg", "image/jpeg",
                Arrays.copyOf(jpeg, 52_428_801), null, 413));
        for (String name : List.of("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "..",
                "photo\u0000.jpg", "photo\u001b[31m.jpg", "x".repeat(300) + ".jpg")) {
            cases.add(multipart("file name " + abbreviate(name), path, worker, name, "image/jpeg", jpeg, null, 400));
        }
        cases.add(multipart("note of 10,000 characters", path, worker, "photo.jpg", "image/jpeg", jpeg,
                "n".repeat(10_000), 400));
        cases.add(new Case("multipart without a file part", "POST", path, worker,
                "multipart/form-data; boundary=fhb", ("--fhb\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n"
                        + "hello\r\n--fhb--\r\n").getBytes(StandardCharsets.UTF_8), Map.of(), 400));
    }

    private static byte[] corrupted(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        for (int i = 20; i < 600; i++) {
            copy[i] = (byte) 0xA5;
        }
        return copy;
    }

    private Case multipart(String name, String path, String bearer, String fileName, byte[] file, int expected) {
        return multipart(name, path, bearer, fileName, "image/jpeg", file, null, expected);
    }

    private Case multipart(String name, String path, String bearer, String fileName, String contentType, byte[] file,
            String note, int expected) {
        String boundary = "fh" + UUID.randomUUID();
        String notePart = note == null ? ""
                : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n";
        byte[] head = (notePart + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\nContent-Type: " + contentType
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, head.length + file.length + tail.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return new Case(name, "POST", path, bearer, "multipart/form-data; boundary=" + boundary, body, Map.of(),
                expected);
    }

    private HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((c.base() == null ? api.gateway() : c.base())
                + c.path()))
                .timeout(Duration.ofSeconds(30));
        if (c.bearer() != null) {
            request.header("Authorization", "Bearer " + c.bearer());
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        boolean idempotencyKey = "POST".equals(c.method()) && !c.headers().containsKey("Idempotency-Key");
        if (idempotencyKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        c.headers().forEach((k, v) -> {
            if (!v.isEmpty()) {
                request.header(k, v);
            }
        });
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String manyKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i > 0 ? "," : "").append("\"k").append(i).append("\":\"v\"");
        }
        return json.append('}').toString();
    }

    private static String abbreviate(String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        return encoded.length() > 40 ? encoded.substring(0, 40) + "…" : text;
    }
}

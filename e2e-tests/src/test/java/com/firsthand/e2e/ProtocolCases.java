package com.firsthand.e2e;

import com.firsthand.e2e.BadInputCatalogueIT.Case;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated cases for the parsers below the API: multipart bodies cut off or carrying two files, JSON keys given
 * twice, request lines and headers over the limits (through the gateway and straight to each service).
 */
final class ProtocolCases {

    /** The services as the launcher runs them (fixed ports, see launcher ServiceSpec). */
    private static final Map<String, String> SERVICES = Map.of("jobs-service", "http://127.0.0.1:8081",
            "submissions-service", "http://127.0.0.1:8082", "scoring-service", "http://127.0.0.1:8083",
            "webhook-service", "http://127.0.0.1:8084");
    private static final Map<String, String> LIST_PATHS = Map.of("jobs-service", "/v1/jobs",
            "submissions-service", "/v1/submissions", "scoring-service", "/v1/usage",
            "webhook-service", "/v1/webhook_endpoints");
    private static final String BOUNDARY = "fhcatalogue";

    private ProtocolCases() {
    }

    static List<Case> limitsAndDuplicates(String buyer, String admin) {
        List<Case> cases = new ArrayList<>();
        duplicatedKeys(cases, buyer, admin);
        for (String base : withGateway()) {
            String where = base == null ? "gateway" : base;
            for (int length : List.of(256, 1_000, 10_000)) {
                cases.add(new Case("Idempotency-Key of " + length + " via " + where, "POST", "/v1/webhook_endpoints",
                        buyer, "application/json", json("{\"url\":\"https://example.com/h\",\"enabled_events\":"
                        + "[\"submission.scored\"]}"), Map.of("Idempotency-Key", "k".repeat(length)), 400, base));
            }
            for (int length : List.of(9_000, 30_000)) {
                cases.add(new Case("URL of " + length + " via " + where, "GET", "/v1/jobs?cursor=" + "c".repeat(length),
                        buyer, null, null, Map.of(), 414, base));
            }
        }
        SERVICES.forEach((service, base) -> {
            for (String via : Arrays.asList(null, base)) {
                String where = via == null ? "gateway" : service;
                for (int bytes : List.of(20_000, 60_000)) {
                    cases.add(new Case(bytes + " bytes of one header on " + service + " via " + where, "GET",
                            LIST_PATHS.get(service), buyer, null, null, Map.of("X-Padding", "p".repeat(bytes)), 431,
                            via));
                }
                cases.add(new Case("700 headers on " + service + " via " + where, "GET", LIST_PATHS.get(service),
                        buyer, null, null, manyHeaders(700), 431, via));
            }
        });
        cases.add(new Case("Idempotency-Key of 100,000 via gateway", "POST", "/v1/jobs", buyer, "application/json",
                json("{}"), Map.of("Idempotency-Key", "k".repeat(100_000)), 431));
        return cases;
    }

    /** Every field of a valid body given a second time (same value or another): a 400, never "last one wins". */
    private static void duplicatedKeys(List<Case> cases, String buyer, String admin) {
        Map<String, List<String>> job = new LinkedHashMap<>();
        job.put("type", List.of("\"data_collection\"", "\"feedback\""));
        job.put("description", List.of("\"Mailboxes\"", "\"Doors\""));
        job.put("files_needed", List.of("3", "4"));
        job.put("accepted_formats", List.of("[\"image/jpeg\"]", "[\"image/png\"]"));
        job.put("price_per_file_cents", List.of("50", "5000"));
        job.forEach((field, values) -> values.forEach(again -> {
            StringBuilder body = new StringBuilder("{");
            job.forEach((f, v) -> body.append(body.length() > 1 ? "," : "").append('"').append(f).append("\":")
                    .append(v.get(0)));
            body.append(",\"").append(field).append("\":").append(again).append('}');
            cases.add(new Case("job with " + field + " twice (" + again + ")", "POST", "/v1/jobs", buyer,
                    "application/json", json(body.toString()), Map.of(), 400));
        }));
        cases.add(new Case("job with location.lat twice", "POST", "/v1/jobs", buyer, "application/json",
                json("{\"type\":\"data_collection\",\"description\":\"M\",\"files_needed\":3,\"accepted_formats\":"
                        + "[\"image/jpeg\"],\"price_per_file_cents\":50,\"location\":{\"lat\":1,\"lng\":2,"
                        + "\"radius_km\":3,\"lat\":89}}"), Map.of(), 400));
        for (String field : List.of("url", "enabled_events")) {
            String again = field.equals("url") ? "\"https://example.org/other\"" : "[\"job.status_changed\"]";
            cases.add(new Case("webhook endpoint with " + field + " twice", "POST", "/v1/webhook_endpoints", buyer,
                    "application/json", json("{\"url\":\"https://example.com/h\",\"enabled_events\":"
                    + "[\"submission.scored\"],\"" + field + "\":" + again + "}"), Map.of(), 400));
        }
        cases.add(new Case("worker with name twice", "POST", "/admin/workers", admin, "application/json",
                json("{\"name\":\"A\",\"name\":\"B\"}"), Map.of(), 400));
    }

    /** Sent with an active assignment, so that any of them that were taken would be stored. */
    static List<Case> malformedUploads(String worker, String jobId, byte[] jpeg) {
        String path = "/v1/worker/jobs/" + jobId + "/submissions";
        List<Case> cases = new ArrayList<>();
        byte[] whole = body(part("note", null, json("front view")), part("file", "photo.jpg", jpeg));
        for (int cut = 1; cut < whole.length - 4; cut += Math.max(1, whole.length / 30)) {
            cases.add(upload("multipart cut at byte " + cut + " of " + whole.length, path, worker,
                    "multipart/form-data; boundary=" + BOUNDARY, Arrays.copyOf(whole, cut)));
        }
        cases.add(upload("multipart '--x\\r\\ngarbage'", path, worker, "multipart/form-data; boundary=x",
                json("--x\r\ngarbage")));
        cases.add(upload("multipart with another boundary", path, worker, "multipart/form-data; boundary=other",
                whole));
        cases.add(upload("multipart without a boundary parameter", path, worker, "multipart/form-data", whole));
        cases.add(upload("two file parts", path, worker, "multipart/form-data; boundary=" + BOUNDARY,
                body(part("file", "a.jpg", jpeg), part("file", "b.jpg", jpeg))));
        cases.add(upload("a file under another name", path, worker, "multipart/form-data; boundary=" + BOUNDARY,
                body(part("file", "a.jpg", jpeg), part("photo", "b.jpg", jpeg))));
        cases.add(upload("two notes", path, worker, "multipart/form-data; boundary=" + BOUNDARY,
                body(part("file", "a.jpg", jpeg), part("note", null, json("a")), part("note", null, json("b")))));
        cases.add(upload("a note sent as a file", path, worker, "multipart/form-data; boundary=" + BOUNDARY,
                body(part("file", "a.jpg", jpeg), part("note", "note.txt", json("a")))));
        cases.add(upload("an empty boundary", path, worker, "multipart/form-data; boundary=", whole));
        cases.add(upload("a part in a charset that does not exist", path, worker, "multipart/form-data; boundary="
                + BOUNDARY, body(part("file", "a.jpg", jpeg), json("--" + BOUNDARY + "\r\nContent-Disposition: form-data;"
                + " name=\"note\"\r\nContent-Type: text/plain; charset=nope\r\n\r\nx\r\n"))));
        cases.add(upload("a part without Content-Disposition", path, worker, "multipart/form-data; boundary="
                + BOUNDARY, body(part("file", "a.jpg", jpeg), json("--" + BOUNDARY + "\r\nX-Other: y\r\n\r\nx\r\n"))));
        return cases;
    }

    private static Case upload(String name, String path, String worker, String contentType, byte[] body) {
        return new Case(name, "POST", path, worker, contentType, body, Map.of(), 400);
    }

    private static List<String> withGateway() {
        List<String> bases = new ArrayList<>();
        bases.add(null);
        bases.add(SERVICES.get("webhook-service"));
        return bases;
    }

    private static Map<String, String> manyHeaders(int count) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            headers.put("X-Catalogue-" + i, "value-" + "v".repeat(10));
        }
        return headers;
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: image/jpeg") + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(json("\r\n"));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        out.writeBytes(json("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

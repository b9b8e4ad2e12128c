package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A worker's event feed (GET /v1/worker/events) through the gateway, as a worker app reads it. */
final class WorkerFeed {

    private WorkerFeed() {
    }

    /** Every event of the worker, newest first, page by page. */
    static List<JsonNode> all(Api api, String worker) {
        return pages(api, worker, "/v1/worker/events?limit=100");
    }

    /** The id of the worker's newest event, or null when it has none. */
    static String newestId(Api api, String worker) {
        Api.Reply reply = api.get("/v1/worker/events?limit=1", worker);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode data = reply.json().path("data");
        return data.isEmpty() ? null : data.path(0).path("id").asText();
    }

    /** The list at {@code path} and every further page of it (its next_cursor), in order. */
    static List<JsonNode> pages(Api api, String worker, String path) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Api.Reply reply = api.get(path + (cursor == null ? "" : "&cursor=" + cursor), worker);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode page = reply.json();
            page.path("data").forEach(all::add);
            cursor = page.path("has_more").asBoolean() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    /** type:id of the object the event carries, e.g. "job.cancelled:job_01...". */
    static String key(JsonNode event) {
        return event.path("type").asText() + ":" + event.path("data").path("object").path("id").asText();
    }

    /** The first (newest) event of the type about the object, or null. */
    static JsonNode find(List<JsonNode> events, String type, String objectId) {
        return events.stream().filter(e -> key(e).equals(type + ":" + objectId)).findFirst().orElse(null);
    }
}

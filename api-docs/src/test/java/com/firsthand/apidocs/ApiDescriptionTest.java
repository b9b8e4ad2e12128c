package com.firsthand.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging the services' OpenAPI documents into the gateway's one description. */
class ApiDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pathsTagsAndComponentsOfEveryServiceEndUpInOneDocumentServedFromTheGateway() throws Exception {
        JsonNode merged = ApiDescription.merge(List.of(
                doc("Jobs", "/v1/jobs", "get", "listJobs", "JobResponse"),
                doc("Worker", "/v1/worker/events/{event_id}", "get", "getWorkerEvent", "WorkerEventResponse")),
                "https://api.example.test");

        assertThat(merged.path("info").path("title").asText()).isEqualTo("FirstHand API");
        assertThat(merged.path("servers").get(0).path("url").asText()).isEqualTo("https://api.example.test");
        assertThat(merged.path("paths").path("/v1/jobs").path("get").path("operationId").asText())
                .isEqualTo("listJobs");
        assertThat(merged.path("paths").path("/v1/worker/events/{event_id}").path("get").path("operationId")
                .asText()).as("a path is a name, not a JSON pointer").isEqualTo("getWorkerEvent");
        assertThat(merged.path("paths").has("v1")).isFalse();
        assertThat(merged.path("components").path("schemas").has("JobResponse")).isTrue();
        assertThat(merged.path("components").path("schemas").has("WorkerEventResponse")).isTrue();
        assertThat(merged.path("components").path("schemas").has("Error")).as("shared, once").isTrue();
        assertThat(merged.path("tags").findValuesAsText("name")).containsExactly("Jobs", "Worker");
    }

    @Test
    void twoServicesDescribingTheSameOperationIsAnError() throws Exception {
        assertThatThrownBy(() -> ApiDescription.merge(List.of(doc("Jobs", "/v1/jobs", "get", "a", "A"),
                doc("Jobs", "/v1/jobs", "get", "b", "B")), "http://x"))
                .hasMessageContaining("two services describe get /v1/jobs");
    }

    @Test
    void aComponentDescribedDifferentlyByTwoServicesIsAnError() throws Exception {
        JsonNode first = doc("Jobs", "/v1/jobs", "get", "a", "Same");
        JsonNode second = doc("Worker", "/v1/worker", "get", "b", "Same");
        ((com.fasterxml.jackson.databind.node.ObjectNode) second.path("components").path("schemas").path("Same"))
                .put("description", "drifted");
        assertThatThrownBy(() -> ApiDescription.merge(List.of(first, second), "http://x"))
                .hasMessageContaining("components.schemas.Same differently");
    }

    private static JsonNode doc(String tag, String path, String method, String operationId, String schema)
            throws Exception {
        return JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "a service", "version": "1.0.0"},
                 "tags": [{"name": "%s", "description": "d"}],
                 "paths": {"%s": {"%s": {"operationId": "%s", "responses": {"200": {"description": "OK"}}}}},
                 "components": {"schemas": {"%s": {"type": "object"}, "Error": {"type": "object"}}}}
                """.formatted(tag, path, method, operationId, schema));
    }
}

package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check that holds real answers to the API description finds what drifts, and only that. */
class DescriptionConformanceTest {

    private final DescriptionConformance conformance;

    DescriptionConformanceTest() throws Exception {
        conformance = new DescriptionConformance(new ObjectMapper().readTree("""
                {"openapi": "3.1.0",
                 "paths": {
                   "/v1/jobs/{job_id}": {"get": {"responses": {
                     "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}}},
                     "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"},
                       "examples": {"resource_missing": {"value": {}}}}}}}}},
                   "/v1/jobs": {
                     "get": {"parameters": [{"name": "limit", "in": "query",
                         "schema": {"type": "integer", "minimum": 1, "maximum": 100}}],
                       "responses": {"200": {"description": "OK"}}},
                     "post": {"parameters": [{"name": "Idempotency-Key", "in": "header", "required": true,
                         "schema": {"type": "string"}}],
                       "requestBody": {"required": true, "content": {"application/json": {"schema":
                         {"$ref": "#/components/schemas/CreateJob"}}}},
                       "responses": {"200": {"description": "OK"}}}},
                   "/v1/jobs/summary": {"get": {"responses": {
                     "200": {"content": {"application/json": {"schema": {"type": "object",
                       "required": ["total"]}}}}}}}},
                 "webhooks": {"job.cancelled": {"post": {"requestBody": {"content": {"application/json": {"schema":
                   {"type": "object", "required": ["id", "data"], "properties": {"data": {"type": "object",
                    "properties": {"object": {"$ref": "#/components/schemas/Job"}}}}}}}}}}},
                 "components": {"schemas": {
                   "Job": {"type": "object", "properties": {"files_needed": {"type": ["integer", "null"]},
                     "status": {"type": ["string", "null"], "enum": ["open", "cancelled", null]},
                     "deadline": {"anyOf": [{"$ref": "#/components/schemas/Instant"}, {"type": "null"}]}}},
                   "Instant": {"type": "string", "format": "date-time"},
                   "CreateJob": {"type": "object", "required": ["files_needed"], "additionalProperties": false,
                     "properties": {"files_needed": {"type": "integer", "minimum": 1},
                       "deadline": {"type": ["string", "null"]}}},
                   "Error": {"type": "object", "required": ["error"]}}}}
                """));
    }

    @Test
    void anAnswerAsDescribedPasses() {
        assertThat(conformance.check("GET", "/v1/jobs/job_1?x=1", 200,
                "{\"files_needed\": 3, \"status\": \"open\", \"deadline\": null}")).isEmpty();
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 404, "{\"error\": {}}")).isEmpty();
        assertThat(conformance.check("GET", "/openapi.json", 200, "not described")).isEmpty();
    }

    @Test
    void aFieldOfAnotherTypeAnUnknownEnumValueOrAnUndescribedStatusIsReported() {
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 200, "{\"files_needed\": \"three\"}"))
                .singleElement().asString().contains("GET /v1/jobs/{job_id} 200", "files_needed");
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 200, "{\"status\": \"paused\"}")).hasSize(1);
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 200, "{\"deadline\": 5}")).isNotEmpty();
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 404, "{\"message\": \"no\"}")).isNotEmpty();
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 418, "{}")).singleElement().asString()
                .contains("does not describe");
    }

    @Test
    void aLiteralPathWinsOverAParameter() {
        assertThat(conformance.check("GET", "/v1/jobs/summary", 200, "{}")).singleElement().asString()
                .contains("/v1/jobs/summary 200");
    }

    @Test
    void aWebhookDeliveryIsHeldToItsWebhooksSchema() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(conformance.checkWebhook(json.readTree(
                "{\"id\": \"evt_1\", \"type\": \"job.cancelled\", \"data\": {\"object\": {\"status\": \"cancelled\"}}}")))
                .isEmpty();
        assertThat(conformance.checkWebhook(json.readTree(
                "{\"id\": \"evt_1\", \"type\": \"job.cancelled\", \"data\": {\"object\": {\"status\": 3}}}")))
                .isNotEmpty();
        assertThat(conformance.checkWebhook(json.readTree("{\"type\": \"job.paused\"}"))).singleElement()
                .asString().contains("not described");
    }

    @Test
    void anErrorCodeTheResponseDoesNotListIsReported() {
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 404,
                "{\"error\": {\"code\": \"resource_missing\"}}")).isEmpty();
        assertThat(conformance.check("GET", "/v1/jobs/job_1", 404, "{\"error\": {\"code\": \"job_gone\"}}"))
                .singleElement().asString().contains("job_gone", "[resource_missing]");
    }

    @Test
    void aRequestAsDescribedPassesAndWhatItForbidsIsReported() {
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"),
                "Idempotency-Key", List.of("k1"));
        assertThat(conformance.checkRequest("POST", "/v1/jobs", json, "{\"files_needed\": 3, \"deadline\": null}"))
                .isEmpty();
        assertThat(conformance.checkRequest("GET", "/v1/jobs?limit=5", Map.of(), null)).isEmpty();

        assertThat(conformance.checkRequest("POST", "/v1/jobs", Map.of("Content-Type", List.of("application/json")),
                "{\"files_needed\": 3}")).singleElement().asString().contains("Idempotency-Key", "missing");
        assertThat(conformance.checkRequest("POST", "/v1/jobs", json, "{\"deadline\": null}")).singleElement()
                .asString().contains("files_needed");
        assertThat(conformance.checkRequest("POST", "/v1/jobs", json, "{\"files_needed\": 3, \"colour\": \"red\"}"))
                .singleElement().asString().contains("colour");
        assertThat(conformance.checkRequest("POST", "/v1/jobs", json, "{\"files_needed\": \"3\"}")).isNotEmpty();
        assertThat(conformance.checkRequest("POST", "/v1/jobs", json, null)).singleElement().asString()
                .contains("body is required");
        assertThat(conformance.checkRequest("GET", "/v1/jobs?limit=abc", Map.of(), null)).singleElement().asString()
                .contains("not an integer");
        assertThat(conformance.checkRequest("GET", "/v1/jobs?limit=500", Map.of(), null)).singleElement().asString()
                .contains("limit");
    }
}

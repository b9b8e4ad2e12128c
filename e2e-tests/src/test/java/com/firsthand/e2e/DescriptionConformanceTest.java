package com.firsthand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
                     "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
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
}

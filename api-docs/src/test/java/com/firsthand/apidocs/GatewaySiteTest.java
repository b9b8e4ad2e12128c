package com.firsthand.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the nginx gateway image serves, and the server URL both gateways write into the description. */
class GatewaySiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheMergedDescriptionAsJsonAndYamlThePageAndItsAssets(@TempDir Path site) throws Exception {
        List<JsonNode> documents = List.of(JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "jobs", "version": "1.0.0"},
                 "paths": {"/v1/jobs": {"get": {"operationId": "listJobs", "responses": {"200": {"description": "OK"}}}}}}
                """), JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "webhooks", "version": "1.0.0"},
                 "webhooks": {"submission.scored": {"post": {"operationId": "submissionScored",
                  "responses": {"200": {"description": "OK"}}}}}}
                """));

        GatewaySite.write(site, documents);

        JsonNode json = JSON.readTree(site.resolve(GatewaySite.JSON_FILE).toFile());
        assertThat(json).isEqualTo(ApiDescription.merge(documents, GatewaySite.SERVER_URL_PLACEHOLDER));
        assertThat(json.path("paths").has("/v1/jobs")).isTrue();
        assertThat(json.path("webhooks").has("submission.scored")).isTrue();
        assertThat(Files.readString(site.resolve(GatewaySite.JSON_FILE)))
                .as("nginx replaces the first occurrence only").containsOnlyOnce(GatewaySite.SERVER_URL_PLACEHOLDER);
        assertThat(new YAMLMapper().readTree(site.resolve(GatewaySite.YAML_FILE).toFile())).isEqualTo(json);
        assertThat(Files.readString(site.resolve(GatewaySite.PAGE_FILE))).isEqualTo(DocsPage.HTML);
        for (String asset : DocsPage.ASSETS) {
            assertThat(site.resolve("docs").resolve(asset)).as(asset).hasBinaryContent(DocsPage.asset(asset).orElseThrow());
            assertThat(DocsPage.HTML).contains("/docs/" + asset);
        }
    }

    @Test
    void theServerIsWhereTheCallerReachedTheGatewayTakingOnlyPlainHostsAndHttpSchemes() {
        assertThat(GatewaySite.serverUrl(null, null, "localhost:8080", "http")).isEqualTo("http://localhost:8080");
        assertThat(GatewaySite.serverUrl("https", "api.example.com", "gateway:8080", "http"))
                .isEqualTo("https://api.example.com");
        assertThat(GatewaySite.serverUrl("gopher", "[::1]:8443", "gateway:8080", "http")).isEqualTo("http://[::1]:8443");
        assertThat(GatewaySite.serverUrl("HTTPS", null, "gateway:8080", "http")).isEqualTo("https://gateway:8080");
        assertThat(GatewaySite.serverUrl("https", "evil\"}, \"x\": {", "gateway:8080", "http"))
                .isEqualTo("https://gateway:8080");
        assertThat(GatewaySite.serverUrl(null, null, "bad host", "http")).isEqualTo("http://localhost");
    }

    @Test
    void thePageLoadsOnlyItsOwnAssetsAndTheGatewaysDescription() {
        assertThat(DocsPage.HTML).doesNotContain("https://").contains("url: \"/openapi.json\"");
        assertThat(DocsPage.asset("swagger-ui-bundle.js")).hasValueSatisfying(js -> assertThat(js).isNotEmpty());
        assertThat(DocsPage.asset("../pom.properties")).isEmpty();
        assertThat(DocsPage.asset("index.html")).isEmpty();
    }
}

package com.firsthand.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** What the filter adds to a service's generated document, on a small hand-made one. */
class PublicApiFilterTest {

    @Test
    void anOperationsErrorsListTheirCodesWithAnExampleEachAndItsOwnCodesJoinThePlatforms() {
        OpenAPI api = document();

        APIResponse conflict = operation(api, "/v1/jobs/{job_id}/cancel").getResponses().getAPIResponse("409");
        assertThat(conflict.getDescription()).contains("`job_not_cancellable`");
        assertThat(conflict.getContent().getMediaType("application/json").getExamples())
                .containsOnlyKeys("job_not_cancellable");
        APIResponse badRequest = operation(api, "/v1/jobs/{job_id}/cancel").getResponses().getAPIResponse("400");
        assertThat(badRequest.getContent().getMediaType("application/json").getExamples())
                .containsKeys(ErrorCodes.IDEMPOTENCY_KEY_MISSING, ErrorCodes.PARAMETER_INVALID);
        assertThat(operation(api, "/v1/jobs/{job_id}/cancel").getResponses().getAPIResponse("503").getHeaders())
                .containsKey("Retry-After");
        assertThat(operation(api, "/v1/jobs/{job_id}/cancel").getExtensions()).doesNotContainKey(ErrorCodes.EXTENSION);
        assertThat(operation(api, "/v1/jobs").getResponses().getAPIResponses())
                .as("a list without a path parameter or a body answers no 404, 409 or 415")
                .doesNotContainKeys("404", "409", "415").containsKeys("400", "401", "403", "429", "503");
    }

    @Test
    void listParametersAreTypedAndAFilterTakesTheEnumOfTheListedField() {
        OpenAPI api = document();
        List<Parameter> parameters = operation(api, "/v1/jobs").getParameters();

        Schema limit = parameter(parameters, "limit").getSchema();
        assertThat(limit.getType()).containsExactly(SchemaType.INTEGER);
        assertThat(limit.getMinimum()).isEqualTo(BigDecimal.ONE);
        assertThat(limit.getMaximum()).isEqualTo(BigDecimal.valueOf(100));
        assertThat(parameter(parameters, "status").getSchema().getEnumeration())
                .containsExactly("open", "cancelled");
    }

    @Test
    void whatTheApiWritesIsRequiredAndNullableAndWhatItReadsIsClosed() {
        OpenAPI api = document();
        Schema job = api.getComponents().getSchemas().get("Job");
        Schema request = api.getComponents().getSchemas().get("CreateJob");

        assertThat(job.getRequired()).containsExactlyInAnyOrder("id", "status");
        assertThat(job.getProperties().get("id").getType()).contains(SchemaType.NULL);
        assertThat(job.getProperties().get("status").getEnumeration()).contains((Object) null);
        assertThat(request.getAdditionalPropertiesBoolean()).isFalse();
        assertThat(request.getProperties().get("files_needed").getType()).as("required: never null")
                .containsExactly(SchemaType.INTEGER);
        assertThat(request.getProperties().get("deadline").getType()).contains(SchemaType.NULL);
    }

    @Test
    void aMalformedErrorCodeExtensionIsABuildError() {
        OpenAPI api = document();
        operation(api, "/v1/jobs").addExtension(ErrorCodes.EXTENSION, "no_status_here");

        assertThatThrownBy(() -> new PublicApiFilter().filterOpenAPI(api))
                .hasMessageContaining("status:code");
    }

    /** A list of jobs, a cancel with its own 409 code and the two schemas they use. */
    private static OpenAPI document() {
        Schema job = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.STRING)
                        .enumeration(List.of("open", "cancelled")));
        Schema list = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("data",
                OASFactory.createSchema().addType(SchemaType.ARRAY).items(OASFactory.createSchema().ref("Job")));
        Schema createJob = OASFactory.createSchema().addType(SchemaType.OBJECT).required(List.of("files_needed"))
                .addProperty("files_needed", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("deadline", OASFactory.createSchema().addType(SchemaType.STRING));
        Operation listJobs = OASFactory.createOperation()
                .parameters(List.of(query("limit"), query("status")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok("JobList")));
        Operation createJobs = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType(
                        "application/json", OASFactory.createMediaType().schema(
                                OASFactory.createSchema().ref("CreateJob")))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok("Job")));
        Operation cancel = OASFactory.createOperation()
                .parameters(List.of(OASFactory.createParameter().name("job_id").in(Parameter.In.PATH)))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", ok("Job")))
                .addExtension(ErrorCodes.EXTENSION, "409:job_not_cancellable");
        OpenAPI api = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("Job", job).addSchema("JobList", list).addSchema("CreateJob", createJob));
        api.paths(OASFactory.createPaths()
                .addPathItem("/v1/jobs", OASFactory.createPathItem().GET(listJobs).POST(createJobs))
                .addPathItem("/v1/jobs/{job_id}/cancel", OASFactory.createPathItem().POST(cancel)));
        new PublicApiFilter().filterOpenAPI(api);
        return api;
    }

    private static Parameter query(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    private static APIResponse ok(String schema) {
        return OASFactory.createAPIResponse().description("OK").content(OASFactory.createContent().addMediaType(
                "application/json", OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
    }

    private static Operation operation(OpenAPI api, String path) {
        var item = api.getPaths().getPathItem(path);
        return item.getPOST() != null && path.endsWith("/cancel") ? item.getPOST() : item.getGET();
    }

    private static Parameter parameter(List<Parameter> parameters, String name) {
        return parameters.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}

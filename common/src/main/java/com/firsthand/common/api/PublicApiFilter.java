package com.firsthand.common.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says alike, so the gateway's merged description is complete: the three
 * bearer credentials and which one each path takes (the gateway routes /v1/worker to workers and /admin to
 * operators, as {@link com.firsthand.common.auth.Authenticated} enforces), the error body, every error response
 * an operation can give with its codes and an example of each ({@link ErrorCodes}), the list parameters typed
 * ({@link QueryParameters}), which schemas are required, nullable or closed ({@link SchemaRoles}) and the
 * required Idempotency-Key of every POST.
 */
public class PublicApiFilter implements OASFilter {

    public static final String BUYER = "buyerApiKey";
    public static final String WORKER = "workerToken";
    public static final String ADMIN = "adminToken";
    static final String ERROR_SCHEMA = "Error";
    /** The API's sections, as the services' @Tag annotations name them. */
    static final Map<String, String> TAGS = Map.of(
            "Jobs", "Buyers post content-collection jobs, follow them (long-poll) and rate them.",
            "Submissions", "Buyers read what workers uploaded: scores, AI reasoning, previews and approved files.",
            "Usage", "Buyers' scoring credits and AI usage.",
            "Webhook endpoints", "Buyers' HTTPS endpoints that receive signed events, and their delivery attempts.",
            "Events", "Buyers' events of the last 30 days: the objects webhooks deliver, and redelivery.",
            "Worker", "Workers find jobs, hold slots, upload files, and follow their submissions, earnings and events.",
            "Admin", "Operators create organisations and workers and manage their credentials.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(BUYER, bearer("An organisation's API key, fh_live_..."));
        components.addSecurityScheme(WORKER, bearer("A worker's token, fh_wkr_..."));
        components.addSecurityScheme(ADMIN, bearer("The operators' admin token (firsthand.admin.token)"));
        components.addSchema(ERROR_SCHEMA, errorSchema());
        if (openAPI.getTags() != null) {
            openAPI.getTags().stream().filter(tag -> tag.getDescription() == null)
                    .forEach(tag -> tag.setDescription(TAGS.get(tag.getName())));
        }
        if (components.getSchemas() != null) {
            SchemaRoles.of(openAPI).apply(components.getSchemas());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation, schemas)));
    }

    /** What each error status means, whatever the operation. */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid request: the message names the parameter or field (`param`).",
            "401", "Missing, unknown or revoked credential.",
            "403", "A credential of another kind (a buyer key on a worker path, or the reverse).",
            "404", "Not found, or not yours.",
            "409", "The resource's state forbids it: the code says why.",
            "413", "The request body is larger than the limit (1 MiB; 60 MiB for uploads).",
            "415", "The request's Content-Type (or an uploaded file's type) is not accepted here.",
            "422", "The Idempotency-Key was used with another request body.",
            "429", "Too many requests: retry after Retry-After seconds.",
            "503", "Temporarily unavailable (a restarting database): retry after Retry-After seconds, with the same"
                    + " Idempotency-Key.");

    private static void describe(String path, PathItem.HttpMethod method, Operation operation,
            Map<String, Schema> schemas) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(schemeFor(path))));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        ErrorCodes.of(path, method, operation).forEach((status, codes) -> error(responses, status, codes));
        // Its codes are in the responses now; the extension was only their source.
        operation.removeExtension(ErrorCodes.EXTENSION);
        describeLongPoll(operation, responses);
        if (method == PathItem.HttpMethod.POST) {
            requireIdempotencyKey(operation);
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(errorResponse("An error in the error format."));
        }
        QueryParameters.describe(path, operation, schemas);
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.remove(APIResponses.DEFAULT);
        APIResponse fallback = responses.getDefaultValue();
        responses.setAPIResponses(sorted);
        responses.setDefaultValue(fallback);
    }

    static String schemeFor(String path) {
        if (path.startsWith("/v1/worker/") || path.equals("/v1/worker")) {
            return WORKER;
        }
        return path.startsWith("/admin") ? ADMIN : BUYER;
    }

    /** GET /v1/jobs/{id} and GET /v1/worker/events wait with {@code Prefer: wait=N} and say so. */
    private static void describeLongPoll(Operation operation, APIResponses responses) {
        boolean longPoll = operation.getParameters() != null && operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "Prefer".equalsIgnoreCase(p.getName()))
                .peek(p -> p.setDescription("wait=N (seconds, up to 30): wait for the next change before answering"
                        + " (RFC 7240)."))
                .count() > 0;
        APIResponse ok = responses.getAPIResponse("200");
        if (longPoll && ok != null) {
            ok.addHeader(PreferWait.PREFERENCE_APPLIED, OASFactory.createHeader()
                    .description("wait=N: the wait applied (0 when it answered at once)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static void requireIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(p.getName()))
                .forEach(p -> {
                    p.setRequired(true);
                    p.setDescription("A unique key (up to 255 characters, e.g. a UUID) per intended operation: a"
                            + " retry with the same key and body replays the first response; kept 48 hours.");
                });
    }

    /**
     * The error response of a status, with its codes listed and one example each (an operation's own description
     * of the status is kept); 429 and 503 carry Retry-After.
     */
    private static void error(APIResponses responses, String status, List<String> codes) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = errorResponse(ERRORS.getOrDefault(status, "An error in the error format."));
            responses.addAPIResponse(status, response);
        } else if (response.getContent() == null) {
            response.setContent(errorResponse(response.getDescription()).getContent());
        }
        response.setDescription(response.getDescription() + " Codes: "
                + String.join(", ", codes.stream().map(code -> "`" + code + "`").toList()) + ".");
        MediaType json = response.getContent().getMediaType("application/json");
        for (String code : codes) {
            json.addExample(code, OASFactory.createExample().value(Map.of("error", errorExample(status, code))));
        }
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static Map<String, Object> errorExample(String status, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", ErrorCodes.typeOf(status, code));
        error.put("code", code);
        String words = code.replace('_', ' ');
        error.put("message", Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".");
        error.put("param", null);
        return error;
    }

    private static APIResponse errorResponse(String description) {
        Content content = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static SecurityScheme bearer(String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description(description);
    }

    private static Schema errorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema body = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("type", "code", "message"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of(ApiException.INVALID_REQUEST, ApiException.AUTHENTICATION,
                                ApiException.PERMISSION, ApiException.RATE_LIMIT, ApiException.IDEMPOTENCY,
                                ApiException.API)))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Machine-readable, e.g. parameter_invalid, resource_missing, no_slots_left"))
                .addProperty("message", text)
                .addProperty("param", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).description("The parameter or field at fault"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).required(List.of("error"))
                .addProperty("error", body).description("The one error body of every FirstHand API");
    }
}

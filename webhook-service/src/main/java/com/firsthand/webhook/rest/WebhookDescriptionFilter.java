package com.firsthand.webhook.rest;

import com.firsthand.common.api.PublicApiFilter;
import com.firsthand.webhook.domain.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The platform's description plus what webhook subscribers receive: each event type as an OpenAPI webhook, a POST
 * of the event object with the Standard Webhooks headers, to be answered 2xx.
 */
public class WebhookDescriptionFilter extends PublicApiFilter {

    static final String SIGNATURE = "webhookSignature";
    private static final Map<String, String> OBJECT_OF = Map.of(
            EventTypes.SUBMISSION_SCORED, "WebhookSubmission",
            EventTypes.SUBMISSION_APPROVED, "WebhookSubmission",
            EventTypes.SUBMISSION_REJECTED, "WebhookSubmission",
            EventTypes.SUBMISSION_OVERRIDDEN, "WebhookSubmission",
            EventTypes.SUBMISSION_APPEAL_UPDATED, "WebhookSubmission",
            EventTypes.JOB_STATUS_CHANGED, "WebhookJob",
            EventTypes.JOB_COMPLETED, "WebhookJob",
            EventTypes.JOB_CANCELLED, "WebhookJob",
            EventTypes.ENDPOINT_DISABLED, "WebhookEndpointObject");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        Components components = openAPI.getComponents();
        components.addSecurityScheme(SIGNATURE, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("webhook-signature")
                .description("Standard Webhooks signature of each delivery, made with the endpoint's signing secret"));
        components.addSchema("WebhookSubmission", object("A submission, as scored", Map.ofEntries(
                Map.entry("object", text()), Map.entry("id", text()), Map.entry("job_id", text()),
                Map.entry("worker_id", text()), Map.entry("status", text()),
                Map.entry("ai_star_rating", nullable(SchemaType.INTEGER)), Map.entry("ai_reasoning", nullableText()),
                Map.entry("file_url", nullableText().description("Signed for 24 hours; approved work only")),
                Map.entry("preview_url", nullableText()), Map.entry("content_type", nullableText()),
                Map.entry("size_bytes", nullable(SchemaType.INTEGER)), Map.entry("submitted_at", nullableText()),
                Map.entry("scored_at", nullableText()), Map.entry("override", object("The buyer's override of the"
                        + " AI's decision; null when there was none", Map.of("decision", text(), "reason", text(),
                        "previous_status", text(), "overridden_at", text())).addType(SchemaType.NULL)),
                Map.entry("appeal", object("The worker's appeal of the rejection; null when there was none", Map.of(
                        "status", text(), "message", text(), "disputed_fact", nullableText(), "appealed_at", text(),
                        "rescore_stars", nullable(SchemaType.INTEGER), "rescore_reasoning", nullableText(),
                        "decided_at", nullableText())).addType(SchemaType.NULL)))));
        components.addSchema("WebhookJob", OASFactory.createSchema().description("A job, as it is after the change")
                .allOf(List.of(OASFactory.createSchema().ref("JobResponse"), object("The change", Map.of(
                        "previous_status", nullableText(), "status_changed_at", nullableText())))));
        components.addSchema("WebhookEndpointObject", object("The endpoint that was disabled", Map.of(
                "object", text(), "id", text(), "url", text(), "description", nullableText(),
                "enabled_events", OASFactory.createSchema().addType(SchemaType.ARRAY).items(text()),
                "status", text(), "disabled_reason", nullableText(), "created_at", text())));
        OBJECT_OF.forEach((type, schema) -> openAPI.addWebhook(type, OASFactory.createPathItem()
                .POST(webhook(type, schema))));
        describeEventTypeFilter(openAPI);
    }

    /** GET /v1/events?type= takes the event types there are. */
    private static void describeEventTypeFilter(OpenAPI openAPI) {
        PathItem events = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/events");
        if (events == null || events.getGET() == null || events.getGET().getParameters() == null) {
            return;
        }
        events.getGET().getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.QUERY && "type".equals(p.getName()))
                .forEach(p -> p.description("Only events of this type").schema(text()
                        .enumeration(new ArrayList<>(new TreeSet<>(EventTypes.KNOWN)))));
    }

    private static Operation webhook(String type, String objectSchema) {
        Schema event = object("The event", Map.of("id", text(), "object", text(),
                "type", OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of(type)),
                "created_at", text(), "data", object("The event's data", Map.of("object",
                        OASFactory.createSchema().ref(objectSchema)))));
        return OASFactory.createOperation().operationId("webhook_" + type.replace('.', '_'))
                .summary(type).tags(List.of("Webhook endpoints"))
                .security(List.of(OASFactory.createSecurityRequirement().addScheme(SIGNATURE)))
                .description("POSTed to each enabled endpoint subscribed to " + type + " (or *), signed as Standard"
                        + " Webhooks: verify webhook-signature over id.timestamp.body with the endpoint's secret.")
                .parameters(List.of(header("webhook-id", "The event id: the same on every retry; deduplicate on it"),
                        header("webhook-timestamp", "Unix seconds of this attempt; reject old ones"),
                        header("webhook-signature", "v1,<base64 HMAC-SHA256>, one per active secret")))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(event))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("Any 2xx acknowledges the event; anything else is retried with backoff")));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true)
                .description(description).schema(text());
    }

    private static Schema object(String description, Map<String, Schema> properties) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
        properties.forEach(schema::addProperty);
        // The platform writes every field of what it sends, null when it has no value.
        return schema.required(new ArrayList<>(new TreeSet<>(properties.keySet())));
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema nullableText() {
        return nullable(SchemaType.STRING);
    }

    private static Schema nullable(SchemaType type) {
        return OASFactory.createSchema().addType(type).addType(SchemaType.NULL);
    }
}

package com.firsthand.common.api;

import com.firsthand.common.paging.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The query parameters every list shares, typed as the API parses them: the resources take them as strings to
 * answer a bad value with a 400 that names it, so their generated schema would say string.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static void describe(String path, Operation operation, Map<String, Schema> schemas) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.QUERY).forEach(p -> {
            List<Object> values = listedValues(operation, p.getName(), schemas);
            if (!values.isEmpty() && p.getSchema() != null && p.getSchema().getEnumeration() == null) {
                p.getSchema().setEnumeration(values);
                describe(p, "Only those with this " + p.getName());
            }
            switch (p.getName()) {
                case "limit" -> type(p, integer(1, PageRequest.MAX_LIMIT).defaultValue(PageRequest.DEFAULT_LIMIT),
                        "Max results (1-" + PageRequest.MAX_LIMIT + ", default " + PageRequest.DEFAULT_LIMIT + ")");
                case "cursor" -> describe(p, "The next_cursor of the previous page");
                case "min_score" -> type(p, path.endsWith("/files") ? integer(1, 5).defaultValue(3) : integer(1, 5),
                        "Minimum AI star rating (1-5" + (path.endsWith("/files") ? ", default 3)" : ")"));
                case "start_date" -> type(p, dateTime(), "Start (ISO 8601 date-time, default 30 days before end)");
                case "end_date" -> type(p, dateTime(), "End (ISO 8601 date-time, default now)");
                case "job_id" -> describe(p, "Only this job's");
                default -> {
                }
            }
        });
    }

    /**
     * The values a filter of a list can take: those its items' property of the same name can (a status, a type),
     * so that the filter and the field stay one enumeration.
     */
    private static List<Object> listedValues(Operation operation, String name, Map<String, Schema> schemas) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponse("200") == null) {
            return List.of();
        }
        Content content = operation.getResponses().getAPIResponse("200").getContent();
        MediaType json = content == null ? null : content.getMediaType("application/json");
        Schema list = json == null ? null : resolve(json.getSchema(), schemas);
        Schema data = list == null || list.getProperties() == null ? null : list.getProperties().get("data");
        Schema item = data == null ? null : resolve(data.getItems(), schemas);
        Schema property = item == null || item.getProperties() == null ? null : item.getProperties().get(name);
        if (property == null || property.getEnumeration() == null) {
            return List.of();
        }
        return property.getEnumeration().stream().filter(Objects::nonNull).toList();
    }

    private static Schema resolve(Schema schema, Map<String, Schema> schemas) {
        if (schema == null || schema.getRef() == null) {
            return schema;
        }
        return schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
    }

    private static Schema integer(int minimum, int maximum) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.valueOf(minimum))
                .maximum(BigDecimal.valueOf(maximum));
    }

    private static Schema dateTime() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time");
    }

    private static void type(Parameter parameter, Schema schema, String description) {
        parameter.setSchema(schema);
        describe(parameter, description);
    }

    private static void describe(Parameter parameter, String description) {
        if (parameter.getDescription() == null) {
            parameter.setDescription(description);
        }
    }
}

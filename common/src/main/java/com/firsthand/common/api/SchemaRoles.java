package com.firsthand.common.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Which component schemas the API reads (request bodies) and which it writes (responses), followed through
 * references. What it writes carries every property, null when it has no value, so those are all required and
 * nullable, unless the model lists its required ones itself (a field it omits until set, {@code @JsonInclude});
 * what it reads it reads strictly (an unknown field is a 400 parameter_unknown), so those allow no other property,
 * and only their optional properties may be null.
 */
final class SchemaRoles {

    private static final String PREFIX = "#/components/schemas/";

    private final Set<String> read = new HashSet<>();
    private final Set<String> written = new HashSet<>();

    static SchemaRoles of(OpenAPI openAPI) {
        SchemaRoles roles = new SchemaRoles();
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || schemas == null) {
            return roles;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                roles.follow(operation.getRequestBody().getContent(), schemas, roles.read);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> roles.follow(response.getContent(), schemas, roles.written));
            }
        }));
        return roles;
    }

    void apply(Map<String, Schema> schemas) {
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return;
            }
            boolean writtenOnly = written.contains(name) && !read.contains(name);
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((property, value) -> {
                if (writtenOnly || !required.contains(property)) {
                    declareNullable(value);
                }
            });
            if (writtenOnly && required.isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
            if (read.contains(name) && !written.contains(name)) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
        });
    }

    /**
     * The API answers null for a value it does not have: every property of what it writes, and every optional one
     * of what it reads, may be null.
     */
    static void declareNullable(Schema property) {
        if (property.getRef() != null) {
            Schema reference = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setAnyOf(List.of(reference, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
    }

    private void follow(Content content, Map<String, Schema> schemas, Set<String> into) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> follow(media.getSchema(), schemas, into));
    }

    private void follow(Schema schema, Map<String, Schema> schemas, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
            String name = schema.getRef().substring(PREFIX.length());
            if (into.add(name)) {
                follow(schemas.get(name), schemas, into);
            }
        }
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        children.add(schema.getItems());
        children.add(schema.getAdditionalPropertiesSchema());
        for (List<Schema> list : List.of(nullSafe(schema.getAnyOf()), nullSafe(schema.getAllOf()),
                nullSafe(schema.getOneOf()))) {
            children.addAll(list);
        }
        children.forEach(child -> follow(child, schemas, into));
    }

    private static List<Schema> nullSafe(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}

package com.firsthand.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Jackson's failures into a 400 that names the offending field. */
final class JsonErrors {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile(
            "^Duplicate (?:field|Object property) ['\"]([^'\"]*)['\"]");

    private JsonErrors() {
    }

    static ApiException toApiException(JsonProcessingException e) {
        // Jackson wraps what the body stream threw (BodyLimitInterceptor's 413) as a mapping error of a field.
        for (Throwable cause : Causes.of(e)) {
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String param = qualified(e, duplicate.group(1));
            return new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_DUPLICATED,
                    "Received parameter " + param + " more than once.", param);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String param = path(unknown);
            return new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_UNKNOWN,
                    "Received unknown parameter: " + param + ".", param);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String param = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type"
                    : describe(mismatch.getTargetType());
            return new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_INVALID,
                    "Invalid value for " + param + ": expected " + expected + ".", param);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String param = path(mapping);
            return new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.PARAMETER_INVALID,
                    "Invalid value for " + param + ".", param);
        }
        String param = null;
        if (e instanceof InputCoercionException read && read.getProcessor() != null) {
            JsonParser parser = read.getProcessor();
            param = parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
        }
        String detail = e.getOriginalMessage() == null ? "" : " (" + firstLine(e.getOriginalMessage()) + ")";
        return new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.BODY_INVALID,
                "The request body is not valid JSON for this endpoint" + detail + ".", param);
    }

    /** The duplicated key with the path of the object it stands in ("location.lat"). */
    private static String qualified(JsonProcessingException e, String field) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null) {
            return field;
        }
        StringBuilder path = new StringBuilder(field);
        for (JsonStreamContext context = parser.getParsingContext().getParent();
                context != null; context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                path.insert(0, context.getCurrentName() + ".");
            } else if (context.inArray()) {
                path.insert(0, "[" + context.getCurrentIndex() + "].");
            }
        }
        return path.toString().replace(".[", "[");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

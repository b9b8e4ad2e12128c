package com.firsthand.common.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every failure in the error format: a clear 4xx for anything the caller did, never a bare 500. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(e.toError());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        return apiException(JsonErrors.toApiException(e));
    }

    /** Overrides Quarkus' built-in mapper for this type, whose body is not in our error format. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String code = switch (status) {
            case 404 -> "resource_missing";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> "invalid_request";
        };
        String message = switch (status) {
            case 404 -> "Unrecognized request URL or resource not found.";
            case 405 -> "This method is not allowed on this URL.";
            case 415 -> "Unsupported Content-Type; send application/json.";
            case 400 -> "The request body or a parameter is malformed.";
            default -> e.getMessage();
        };
        return apiException(new ApiException(status, ApiException.INVALID_REQUEST, code, message, null));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.isCause(e)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return apiException(new ApiException(503, ApiException.API, "service_unavailable",
                    "The service is briefly unavailable; retry the request (with the same Idempotency-Key).", null,
                    java.util.Map.of("Retry-After", "1")));
        }
        LOG.error("Unexpected failure", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(ApiException.API, "internal_error",
                        "Something went wrong on our side; the request can be retried safely.", null))
                .build();
    }

    /** Turns Jackson's failures into a 400 that names the offending field. */
    static final class JsonErrors {

        private JsonErrors() {
        }

        static ApiException toApiException(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                String param = path(unknown);
                return new ApiException(400, ApiException.INVALID_REQUEST, "parameter_unknown",
                        "Received unknown parameter: " + param + ".", param);
            }
            if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String param = path(mismatch);
                String expected = mismatch.getTargetType() == null ? "another type"
                        : describe(mismatch.getTargetType());
                return new ApiException(400, ApiException.INVALID_REQUEST, "parameter_invalid",
                        "Invalid value for " + param + ": expected " + expected + ".", param);
            }
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String param = path(mapping);
                return new ApiException(400, ApiException.INVALID_REQUEST, "parameter_invalid",
                        "Invalid value for " + param + ".", param);
            }
            String param = null;
            if (e instanceof InputCoercionException read && read.getProcessor() != null) {
                JsonParser parser = read.getProcessor();
                param = parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
            }
            String detail = e.getOriginalMessage() == null ? "" : " (" + firstLine(e.getOriginalMessage()) + ")";
            return new ApiException(400, ApiException.INVALID_REQUEST, "body_invalid",
                    "The request body is not valid JSON for this endpoint" + detail + ".", param);
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
}

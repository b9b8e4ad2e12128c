package com.firsthand.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
            case 404 -> ErrorCodes.RESOURCE_MISSING;
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> ErrorCodes.REQUEST_TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCodes.INVALID_REQUEST;
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
        if (MalformedMultipart.isCause(e)) {
            return apiException(new ApiException(400, ApiException.INVALID_REQUEST, ErrorCodes.BODY_INVALID,
                    "The multipart body is malformed or cut off (every part needs its boundary, the body its closing"
                            + " boundary).", null));
        }
        if (DatabaseOutage.isCause(e)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return apiException(new ApiException(503, ApiException.API, ErrorCodes.SERVICE_UNAVAILABLE,
                    "The service is briefly unavailable; retry the request (with the same Idempotency-Key).", null,
                    java.util.Map.of("Retry-After", "1")));
        }
        LOG.error("Unexpected failure", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(ApiException.API, "internal_error",
                        "Something went wrong on our side; the request can be retried safely.", null))
                .build();
    }
}

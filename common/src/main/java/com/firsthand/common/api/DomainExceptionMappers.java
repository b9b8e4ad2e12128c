package com.firsthand.common.api;

import com.firsthand.common.errors.ConflictException;
import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The use cases' refusals, which know nothing of HTTP, in the error format at the edge. */
public class DomainExceptionMappers {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return mappers.apiException(toApi(e));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return mappers.apiException(ApiException.conflict(e.code(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return mappers.apiException(toApi(e));
    }

    public static ApiException toApi(ResourceNotFoundException e) {
        return new ApiException(404, ApiException.INVALID_REQUEST, ErrorCodes.RESOURCE_MISSING, e.getMessage(),
                e.param());
    }

    public static ApiException toApi(InvalidParameterException e) {
        return e.missing() ? ApiException.missingParam(e.param())
                : ApiException.invalidParam(e.param(), e.getMessage());
    }
}

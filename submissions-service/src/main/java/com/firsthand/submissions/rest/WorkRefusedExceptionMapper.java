package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ApiExceptionMappers;
import com.firsthand.submissions.domain.WorkRefusedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Work the job's state does not allow is a 409 in the error format. */
public class WorkRefusedExceptionMapper {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response conflict(WorkRefusedException e) {
        return mappers.apiException(ApiException.conflict(e.code(), e.getMessage()));
    }
}

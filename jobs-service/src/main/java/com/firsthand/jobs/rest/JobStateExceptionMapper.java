package com.firsthand.jobs.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ApiExceptionMappers;
import com.firsthand.jobs.domain.JobStateException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A transition the job's state does not allow is a 409 in the error format. */
public class JobStateExceptionMapper {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response conflict(JobStateException e) {
        return mappers.apiException(ApiException.conflict(e.code(), e.getMessage()));
    }
}

package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ApiExceptionMappers;
import com.firsthand.submissions.domain.UnsupportedFileTypeException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A file of a type the job does not accept is a 415 naming the file. */
public class UnsupportedFileTypeExceptionMapper {

    public static final String UNSUPPORTED_FILE_TYPE = "unsupported_file_type";

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response unsupported(UnsupportedFileTypeException e) {
        return mappers.apiException(new ApiException(415, ApiException.INVALID_REQUEST, UNSUPPORTED_FILE_TYPE,
                e.getMessage(), "file"));
    }
}

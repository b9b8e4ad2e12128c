package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ApiExceptionMappers;
import com.firsthand.submissions.repository.StorageUnavailableException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An object store outage is a 503 the client can retry with the same Idempotency-Key, not a 500. */
public class StorageExceptionMapper {

    public static final String STORAGE_UNAVAILABLE = "storage_unavailable";

    private static final Logger LOG = Logger.getLogger(StorageExceptionMapper.class);
    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response unavailable(StorageUnavailableException e) {
        LOG.warn("Object store unavailable", e);
        return mappers.apiException(new ApiException(503, ApiException.API, STORAGE_UNAVAILABLE,
                "File storage is unavailable; retry the request with the same Idempotency-Key.", null,
                Map.of("Retry-After", "1")));
    }
}

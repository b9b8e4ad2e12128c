package com.firsthand.submissions.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ApiExceptionMappers;
import com.firsthand.submissions.domain.PreviewRefusedException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No preview: 404 for a file that is no image, 410 once deleted, 422 when undecodable, 503 while busy. */
public class PreviewRefusedExceptionMapper {

    public static final String NO_PREVIEW = "no_preview";
    public static final String FILE_DELETED = "file_deleted";
    public static final String PREVIEW_UNAVAILABLE = "preview_unavailable";
    public static final String PREVIEW_BUSY = "preview_busy";

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @ServerExceptionMapper
    public Response refused(PreviewRefusedException e) {
        String message = e.getMessage();
        return mappers.apiException(switch (e.reason()) {
            case NOT_AN_IMAGE -> new ApiException(404, ApiException.INVALID_REQUEST, NO_PREVIEW, message, "id");
            case FILE_DELETED -> new ApiException(410, ApiException.INVALID_REQUEST, FILE_DELETED, message, "id");
            case UNDECODABLE -> new ApiException(422, ApiException.INVALID_REQUEST, PREVIEW_UNAVAILABLE, message,
                    "id");
            case BUSY -> new ApiException(503, ApiException.API, PREVIEW_BUSY, message, null,
                    Map.of("Retry-After", "2"));
        });
    }
}

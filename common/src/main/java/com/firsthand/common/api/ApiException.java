package com.firsthand.common.api;

import java.util.Map;

/** A failure the caller can act on, rendered in the error format with its HTTP status. */
public class ApiException extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String PERMISSION = "permission_error";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String IDEMPOTENCY = "idempotency_error";
    public static final String API = "api_error";

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String code, String message, String param,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.headers = headers;
    }

    public ApiException(int status, String type, String code, String message, String param) {
        this(status, type, code, message, param, Map.of());
    }

    public static ApiException invalidParam(String param, String message) {
        return new ApiException(400, INVALID_REQUEST, ErrorCodes.PARAMETER_INVALID, message, param);
    }

    public static ApiException missingParam(String param) {
        return new ApiException(400, INVALID_REQUEST, ErrorCodes.PARAMETER_MISSING,
                "Missing required param: " + param + ".", param);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, INVALID_REQUEST, ErrorCodes.RESOURCE_MISSING,
                "No such " + what + ": '" + id + "'.", "id");
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, INVALID_REQUEST, code, message, null);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, AUTHENTICATION, ErrorCodes.UNAUTHENTICATED, message, null,
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, PERMISSION, ErrorCodes.WRONG_CREDENTIAL_KIND, message, null);
    }

    public int status() {
        return status;
    }

    public ApiError toError() {
        return ApiError.of(type, code, getMessage(), param);
    }

    public Map<String, String> headers() {
        return headers;
    }
}

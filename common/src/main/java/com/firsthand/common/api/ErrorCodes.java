package com.firsthand.common.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The error {@code code} values an operation can answer, by HTTP status: the platform's own (authentication,
 * parameters, Idempotency-Key, body size, rate limit, outage), which follow from the operation's shape, plus the
 * operation's own, which its resource method lists in the {@value #EXTENSION} extension as {@code status:code}
 * pairs, e.g. {@code @Extension(name = ErrorCodes.EXTENSION, value = "409:" + JobStateException.NOT_CANCELLABLE)}.
 */
public final class ErrorCodes {

    public static final String EXTENSION = "x-error-codes";

    public static final String PARAMETER_INVALID = "parameter_invalid";
    public static final String PARAMETER_MISSING = "parameter_missing";
    public static final String PARAMETER_UNKNOWN = "parameter_unknown";
    public static final String PARAMETER_DUPLICATED = "parameter_duplicated";
    public static final String BODY_INVALID = "body_invalid";
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String IDEMPOTENCY_KEY_MISSING = "idempotency_key_missing";
    public static final String IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String WRONG_CREDENTIAL_KIND = "wrong_credential_kind";
    public static final String RESOURCE_MISSING = "resource_missing";
    public static final String REQUEST_TOO_LARGE = "request_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    private ErrorCodes() {
    }

    /** Status → codes, in the order a reader meets them. */
    static Map<String, List<String>> of(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        boolean post = method == PathItem.HttpMethod.POST;
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasInput = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            add(codes, "400", PARAMETER_INVALID, PARAMETER_MISSING, PARAMETER_UNKNOWN, INVALID_REQUEST);
        }
        if (hasBody) {
            add(codes, "400", PARAMETER_DUPLICATED, BODY_INVALID);
        }
        if (post) {
            add(codes, "400", IDEMPOTENCY_KEY_MISSING, IDEMPOTENCY_KEY_INVALID);
        }
        add(codes, "401", UNAUTHENTICATED);
        add(codes, "403", WRONG_CREDENTIAL_KIND);
        if (path.contains("{")) {
            add(codes, "404", RESOURCE_MISSING);
        }
        if (post || method == PathItem.HttpMethod.PATCH) {
            add(codes, "413", REQUEST_TOO_LARGE);
        }
        if (hasBody) {
            add(codes, "415", UNSUPPORTED_MEDIA_TYPE);
        }
        if (post) {
            add(codes, "422", IDEMPOTENCY_KEY_REUSED);
        }
        add(codes, "429", RATE_LIMITED);
        add(codes, "503", SERVICE_UNAVAILABLE);
        Object own = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (own != null) {
            for (String pair : own.toString().split(",")) {
                String[] statusAndCode = pair.strip().split(":", 2);
                if (statusAndCode.length != 2) {
                    throw new IllegalArgumentException(EXTENSION + " wants status:code pairs, got '" + pair + "'");
                }
                add(codes, statusAndCode[0].strip(), statusAndCode[1].strip());
            }
        }
        return codes;
    }

    /** The error type that goes with a code at a status, as {@link ApiException} renders it. */
    static String typeOf(String status, String code) {
        if (code.startsWith("idempotency_key_")) {
            return ApiException.IDEMPOTENCY;
        }
        return switch (status) {
            case "401" -> ApiException.AUTHENTICATION;
            case "403" -> ApiException.PERMISSION;
            case "429" -> ApiException.RATE_LIMIT;
            case "500", "503" -> ApiException.API;
            default -> ApiException.INVALID_REQUEST;
        };
    }

    private static void add(Map<String, List<String>> codes, String status, String... values) {
        List<String> list = codes.computeIfAbsent(status, s -> new ArrayList<>());
        for (String value : values) {
            if (!list.contains(value)) {
                list.add(value);
            }
        }
    }
}

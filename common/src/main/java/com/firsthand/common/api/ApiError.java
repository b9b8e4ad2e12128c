package com.firsthand.common.api;

/** The one error body of every service: {@code {"error": {"type", "code", "message", "param"}}}. */
public record ApiError(Body error) {

    public record Body(String type, String code, String message, String param) {
    }

    public static ApiError of(String type, String code, String message, String param) {
        return new ApiError(new Body(type, code, message, param));
    }
}

package com.firsthand.common.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which credential a resource (class or method) accepts. Every /v1 and /admin resource carries one;
 * a request without a valid credential of that kind never reaches it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
    Audience value();
}

package com.firsthand.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import org.junit.jupiter.api.Test;

class MalformedMultipartTest {

    private static final String PARSER = "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition";
    private static final String HEADERS = "org.jboss.resteasy.reactive.common.headers.HeaderUtil";

    @Test
    void aBodyEndingEarlyIsTheClientsFault() {
        assertThat(MalformedMultipart.isCause(raised(new IOException("Connection terminated"), PARSER))).isTrue();
    }

    @Test
    void aHeaderTheParserCannotReadIsTheClientsFault() {
        Throwable e = raised(new StringIndexOutOfBoundsException(30), "jdk.internal.util.Preconditions", HEADERS,
                PARSER);
        assertThat(MalformedMultipart.isCause(e)).isTrue();
    }

    @Test
    void aCharsetThatDoesNotExistIsTheClientsFault() {
        Throwable e = raised(new RuntimeException(raised(new UnsupportedEncodingException("nope"), "java.lang.String")),
                PARSER);
        assertThat(MalformedMultipart.isCause(e)).isTrue();
    }

    @Test
    void aDiskThatCannotBeWrittenIsOurs() {
        Throwable e = raised(new RuntimeException(raised(new IOException("No space left on device"),
                "java.io.FileOutputStream", PARSER)), PARSER);
        assertThat(MalformedMultipart.isCause(e)).isFalse();
    }

    @Test
    void failuresElsewhereAreOurs() {
        assertThat(MalformedMultipart.isCause(raised(new NullPointerException(), "com.firsthand.Something"))).isFalse();
        assertThat(MalformedMultipart.isCause(raised(new StringIndexOutOfBoundsException(1), HEADERS,
                "org.jboss.resteasy.reactive.server.handlers.Other"))).isFalse();
    }

    private static <T extends Throwable> T raised(T e, String... classes) {
        StackTraceElement[] trace = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            trace[i] = new StackTraceElement(classes[i], "m", null, 1);
        }
        e.setStackTrace(trace);
        return e;
    }
}

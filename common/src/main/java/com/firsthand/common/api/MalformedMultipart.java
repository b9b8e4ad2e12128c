package com.firsthand.common.api;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Recognises a multipart body that does not parse: anything the form parser or its header parsing raises itself
 * (a malformed message, a body ending before its closing boundary, a Content-Type without a usable boundary), and
 * a part in a charset that does not exist. A failure of the machine while parsing (a temporary file that cannot be
 * written) stays a server error.
 */
final class MalformedMultipart {

    private static final String PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String HEADERS = "org.jboss.resteasy.reactive.common.headers.";

    private MalformedMultipart() {
    }

    static boolean isCause(Throwable failure) {
        boolean fromParser = false;
        for (Throwable cause : Causes.of(failure)) {
            if (cause instanceof UnsupportedEncodingException || cause instanceof CharacterCodingException
                    || cause instanceof CharConversionException || cause instanceof IllegalCharsetNameException
                    || cause instanceof UnsupportedCharsetException) {
                return fromParser || raisedIn(cause, PARSER);
            }
            if (cause instanceof IOException) {
                // Only an IOException the parser throws itself (the body ended early) is about the body; one thrown
                // by the JDK's file classes under the parser is the disk.
                StackTraceElement[] trace = cause.getStackTrace();
                if (trace.length == 0 || !trace[0].getClassName().startsWith(PARSER)) {
                    return false;
                }
            }
            boolean here = raisedIn(cause, PARSER) || raisedIn(cause, HEADERS) && calledFrom(cause, PARSER);
            fromParser |= here;
        }
        return fromParser;
    }

    /** Whether the first frame outside the JDK (a String index check, a charset lookup) is in the package. */
    private static boolean raisedIn(Throwable cause, String packagePrefix) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            String name = frame.getClassName();
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name.startsWith(packagePrefix);
            }
        }
        return false;
    }

    private static boolean calledFrom(Throwable cause, String packagePrefix) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (frame.getClassName().startsWith(packagePrefix)) {
                return true;
            }
        }
        return false;
    }
}

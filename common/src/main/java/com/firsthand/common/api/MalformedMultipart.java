package com.firsthand.common.api;

import java.io.IOException;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * Recognises a multipart body that does not parse: the parser's own "malformed message", or the body ending before
 * its closing boundary (an IOException the parser raises itself). Other failures while parsing (a temporary file
 * that cannot be written) stay server errors.
 */
final class MalformedMultipart {

    private MalformedMultipart() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MultipartParser.MalformedMessageException) {
                return true;
            }
            if (cause instanceof IOException && cause.getStackTrace().length > 0 && cause.getStackTrace()[0]
                    .getClassName().startsWith(MultiPartParserDefinition.class.getName())) {
                return true;
            }
        }
        return false;
    }
}

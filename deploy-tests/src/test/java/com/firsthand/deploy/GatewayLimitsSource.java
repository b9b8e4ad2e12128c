package com.firsthand.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body limits of the launcher's gateway, read from GatewayRoutes.java (its source is the reference, also
 * when the launcher jar in the local repository is older): a larger limit on the upload path, one elsewhere.
 */
record GatewayLimitsSource(Pattern uploadPath, long uploadLimit, long limit) {

    private static final Pattern UPLOAD =
            Pattern.compile("Pattern\\s+UPLOAD\\s*=\\s*Pattern\\.compile\\(\"([^\"]+)\"\\)");

    static GatewayLimitsSource read() {
        String source = Project.read("launcher/src/main/java/com/firsthand/launcher/GatewayRoutes.java");
        Matcher upload = UPLOAD.matcher(source);
        if (!upload.find()) {
            throw new AssertionError("GatewayRoutes.java: no UPLOAD path pattern");
        }
        return new GatewayLimitsSource(Pattern.compile(upload.group(1)), constant(source, "UPLOAD_BODY_LIMIT"),
                constant(source, "BODY_LIMIT"));
    }

    long maxBodyBytes(String path) {
        return uploadPath.matcher(path).matches() ? uploadLimit : limit;
    }

    /** A long constant written as a product of literals, e.g. {@code 60L * 1024 * 1024}. */
    private static long constant(String source, String name) {
        Matcher matcher = Pattern.compile("long\\s+" + name + "\\s*=\\s*([\\dL\\s*]+);").matcher(source);
        if (!matcher.find()) {
            throw new AssertionError("GatewayRoutes.java: no long constant " + name);
        }
        long value = 1;
        for (String factor : matcher.group(1).split("\\*")) {
            value *= Long.parseLong(factor.trim().replace("L", ""));
        }
        return value;
    }
}

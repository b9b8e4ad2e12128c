package com.firsthand.common.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Prefer: wait=N} request preference of RFC 7240, as the long-polling reads take it. */
public final class PreferWait {

    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final Pattern WAIT = Pattern.compile("(?:^|[;,\\s])wait\\s*=\\s*(\\d{1,9})(?:$|[;,\\s])");

    private PreferWait() {
    }

    /** The N of a {@code Prefer: wait=N} header, or null without one; a malformed N is a 400 on Prefer. */
    public static Integer requested(String prefer) {
        if (prefer == null) {
            return null;
        }
        Matcher matcher = WAIT.matcher(prefer.trim());
        if (!matcher.find()) {
            return null;
        }
        try {
            return Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException e) {
            throw ApiException.invalidParam("Prefer", "wait must be a whole number of seconds.");
        }
    }
}

package com.firsthand.submissions.service;

import com.firsthand.common.errors.InvalidParameterException;


/**
 * The name a client gives an uploaded file. Files are stored under their submission id, so the name is never
 * used as a path; still, a name that is a path, or carries control characters, is refused: no honest client
 * sends one, and it must not reach logs or a buyer's download as given.
 */
public final class UploadFileNames {

    public static final int MAX_LENGTH = 255;

    private UploadFileNames() {
    }

    /** Refuses the parameter {@code file} unless the name is a plain file name; an absent name is fine. */
    public static void check(String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() > MAX_LENGTH) {
            throw refused("is longer than " + MAX_LENGTH + " characters");
        }
        if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw refused("is a path; send the file's own name only");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw refused("contains control characters");
        }
    }

    private static InvalidParameterException refused(String why) {
        return new InvalidParameterException("file", "The file name " + why + ".");
    }
}

package com.firsthand.scoring.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A rubric's version: the first 12 hex digits of the SHA-256 of its text, so any edit makes a new one. */
public final class RubricVersions {

    private RubricVersions() {
    }

    public static String of(String rubric) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rubric.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

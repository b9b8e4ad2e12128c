package com.firsthand.common.formats;

import java.util.Set;

/** MIME types the platform can sniff from bytes and score; a job may accept only these. */
public final class SupportedFormats {

    public static final Set<String> ALL = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "text/plain", "application/pdf", "audio/mpeg", "audio/wav", "video/mp4");

    private SupportedFormats() {
    }

    public static boolean isSupported(String mimeType) {
        return ALL.contains(mimeType);
    }

    public static boolean isImage(String mimeType) {
        return mimeType.startsWith("image/");
    }
}

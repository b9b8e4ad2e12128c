package com.firsthand.common.formats;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.tika.Tika;

/** A file's media type read from its bytes (never from a name or a client's header), in the names jobs declare. */
public final class MediaTypeSniffer {

    private static final Tika TIKA = new Tika();

    private MediaTypeSniffer() {
    }

    public static String sniff(Path file) throws IOException {
        return normalise(TIKA.detect(file));
    }

    /** Tika's names for a few types differ from the ones jobs declare. */
    static String normalise(String type) {
        return switch (type) {
            case "audio/vnd.wave", "audio/x-wav", "audio/wave" -> "audio/wav";
            default -> type;
        };
    }
}

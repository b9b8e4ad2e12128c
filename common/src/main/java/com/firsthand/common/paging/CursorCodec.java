package com.firsthand.common.paging;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.config.FirsthandConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination cursors. A cursor names the last id of a page (keyset pagination on
 * time-ordered ULIDs, so rows inserted meanwhile never shift a page) and which list it belongs to, signed
 * with HMAC-SHA256; anything altered, truncated or taken from another list is a 400.
 */
@ApplicationScoped
public class CursorCodec {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    @Inject
    public CursorCodec(FirsthandConfig config) {
        this(config.cursor().secret());
    }

    public CursorCodec(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(String list, String lastId) {
        byte[] id = lastId.getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(list, id);
        byte[] out = Arrays.copyOf(id, id.length + MAC_BYTES);
        System.arraycopy(mac, 0, out, id.length, MAC_BYTES);
        return ENCODER.encodeToString(out);
    }

    /** The last id the cursor points after; a 400 naming {@code cursor} when it is not one of ours. */
    public String decode(String list, String cursor) {
        byte[] raw;
        try {
            raw = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length <= MAC_BYTES || raw.length > 200) {
            throw invalid();
        }
        byte[] id = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(list, id), MAC_BYTES))) {
            throw invalid();
        }
        return new String(id, StandardCharsets.UTF_8);
    }

    private byte[] mac(String list, byte[] id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(list.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid() {
        return ApiException.invalidParam("cursor",
                "Invalid cursor: pass the next_cursor of a previous page of this list unchanged.");
    }
}

package com.firsthand.common.ids;

import com.github.f4b6a3.ulid.UlidCreator;

/** Public identifiers: a type prefix and a ULID, so ids sort by creation time. */
public final class Ids {

    public static final String ORGANIZATION = "org";
    public static final String API_KEY = "key";
    public static final String WORKER = "wkr";
    public static final String WORKER_TOKEN = "wtk";
    public static final String JOB = "job";
    public static final String SUBMISSION = "sub";
    public static final String ASSIGNMENT = "asg";
    public static final String FILE = "file";
    public static final String DECISION = "dec";
    public static final String PAYOUT_ADJUSTMENT = "padj";
    public static final String EVENT = "evt";
    public static final String WORKER_EVENT = "wev";
    public static final String WEBHOOK_ENDPOINT = "we";
    public static final String WEBHOOK_DELIVERY = "whd";
    public static final String DELIVERY_ATTEMPT = "wha";

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + UlidCreator.getMonotonicUlid();
    }

    /** The id under another prefix with the same ULID, for a thing made from another (a submission's file). */
    public static String derived(String prefix, String from) {
        return prefix + from.substring(from.indexOf('_'));
    }

    /** True when {@code id} has the prefix and a well-formed ULID; anything else cannot exist. */
    public static boolean isValid(String prefix, String id) {
        return id != null && id.length() == prefix.length() + 27 && id.startsWith(prefix + "_")
                && com.github.f4b6a3.ulid.Ulid.isValid(id.substring(prefix.length() + 1));
    }
}

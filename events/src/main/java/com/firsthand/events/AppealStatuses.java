package com.firsthand.events;

import java.util.Set;

/** Where a worker's appeal of a rejection stands: the submission's {@code appeal.status}. */
public final class AppealStatuses {

    /** With the appeal scorer, or, when it did not approve, waiting for the buyer's decision. */
    public static final String PENDING = "pending";
    /** The appeal scorer gave 3 stars or more: the submission is approved and paid. */
    public static final String UPHELD = "upheld";
    /** The buyer let the rejection stand until the override window closed. */
    public static final String DENIED = "denied";
    /** The buyer decided, with an override or by confirming the rejection. */
    public static final String DECIDED_BY_BUYER = "decided_by_buyer";

    public static final Set<String> ALL = Set.of(PENDING, UPHELD, DENIED, DECIDED_BY_BUYER);

    private AppealStatuses() {
    }
}

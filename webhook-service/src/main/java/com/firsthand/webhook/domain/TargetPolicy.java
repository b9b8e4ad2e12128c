package com.firsthand.webhook.domain;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses this deployment lets webhooks reach. Production: public unicast only. The local stack: also
 * loopback, where a developer's receiver listens, while private networks and cloud metadata stay refused.
 * Tests of delivery mechanics: anything. Production also takes https:// URLs only.
 */
public record TargetPolicy(boolean allowPrivate, boolean allowLoopback, boolean requireHttps) {

    /** Production: public addresses over https only. */
    public static final TargetPolicy PRODUCTION = new TargetPolicy(false, false, true);
    public static final TargetPolicy PUBLIC_ONLY = new TargetPolicy(false, false);
    public static final TargetPolicy PUBLIC_AND_LOOPBACK = new TargetPolicy(false, true);
    public static final TargetPolicy ANY = new TargetPolicy(true, true);

    /** A policy that takes http:// as well as https:// URLs. */
    public TargetPolicy(boolean allowPrivate, boolean allowLoopback) {
        this(allowPrivate, allowLoopback, false);
    }

    /** Why the address may not be a webhook target under this policy, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivate || allowLoopback && address.isLoopbackAddress()) {
            return Optional.empty();
        }
        return TargetAddresses.refusal(address);
    }
}

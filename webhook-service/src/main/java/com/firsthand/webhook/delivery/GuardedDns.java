package com.firsthand.webhook.delivery;

import com.firsthand.webhook.domain.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Resolves a webhook host at connection time and refuses it when any address it resolves to is not a public
 * unicast one, so a host that passed the check at creation cannot be re-pointed at an internal address later
 * (DNS rebinding).
 */
public final class GuardedDns implements Dns {

    private final Dns delegate;
    private final TargetPolicy policy;

    public GuardedDns(Dns delegate, TargetPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                // The text reaches the endpoint's delivery attempts: it names no resolved address.
                throw new BlockedAddressException(hostname + " resolves to a non-public address: not a permitted"
                        + " webhook target");
            }
        }
        return addresses;
    }

    /** An UnknownHostException, as OkHttp expects from a Dns, that says the address was refused. */
    public static final class BlockedAddressException extends UnknownHostException {
        public BlockedAddressException(String message) {
            super(message);
        }
    }
}

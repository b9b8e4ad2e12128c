package com.firsthand.webhook.delivery;

import com.firsthand.webhook.domain.TargetAddresses;
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
    private final boolean allowPrivate;

    public GuardedDns(Dns delegate, boolean allowPrivate) {
        this.delegate = delegate;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> refusal = TargetAddresses.refusal(address);
                if (refusal.isPresent()) {
                    throw new BlockedAddressException(hostname + " resolves to " + address.getHostAddress() + ", "
                            + refusal.get() + ": not a permitted webhook target");
                }
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

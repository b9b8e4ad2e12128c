package com.firsthand.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: only public unicast. Loopback, private, link-local, CGNAT,
 * multicast, documentation, benchmarking and reserved ranges (and the cloud metadata addresses inside them)
 * are refused, for IPv4 and IPv6 alike; IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64,
 * 6to4) are judged by the embedded address.
 */
public final class TargetAddresses {

    private TargetAddresses() {
    }

    /** Why the address may not be a webhook target, or empty when it may. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("unknown address family");
    }

    public static boolean isAllowed(InetAddress address) {
        return refusal(address).isEmpty();
    }

    private static Optional<String> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        String reason = null;
        if (a0 == 0) {
            reason = "this-network (0.0.0.0/8)";
        } else if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            reason = "private";
        } else if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            reason = "carrier-grade NAT (100.64.0.0/10)";
        } else if (a0 == 127) {
            reason = "loopback";
        } else if (a0 == 169 && a1 == 254) {
            reason = "link-local or cloud metadata (169.254.0.0/16)";
        } else if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            reason = "reserved (192.0.0.0/24, 192.0.2.0/24)";
        } else if (a0 == 192 && a1 == 88 && a2 == 99) {
            reason = "reserved (6to4 relay anycast)";
        } else if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            reason = "benchmarking (198.18.0.0/15)";
        } else if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            reason = "documentation";
        } else if (a0 >= 224 && a0 <= 239) {
            reason = "multicast";
        } else if (a0 >= 240) {
            reason = "reserved (240.0.0.0/4, broadcast)";
        }
        return Optional.ofNullable(reason);
    }

    private static Optional<String> ipv6(byte[] b) {
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "IPv4-mapped");
        }
        if (allZero(b, 0, 12)) {
            return Optional.of(allZero(b, 12, 16) ? "unspecified (::)" : isLoopback6(b) ? "loopback"
                    : "IPv4-compatible (deprecated)");
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) {
            return embedded(b, 12, "NAT64");
        }
        if (w0 == 0x2002) {
            return embedded(b, 2, "6to4");
        }
        if ((w0 & 0xe000) != 0x2000) {
            // Outside global unicast 2000::/3: ULA fc00::/7, link-local fe80::/10, site-local, multicast ff00::/8,
            // discard 100::/64, local NAT64 64:ff9b:1::/48 and everything not yet allocated.
            return Optional.of(describeNonGlobal(w0));
        }
        if (w0 == 0x2001 && w1 < 0x0200) {
            return Optional.of("reserved (2001::/23: Teredo, ORCHID, benchmarking)");
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return Optional.of("documentation (2001:db8::/32)");
        }
        if (w0 == 0x3fff && w1 <= 0x0fff) {
            return Optional.of("documentation (3fff::/20)");
        }
        return Optional.empty();
    }

    private static String describeNonGlobal(int w0) {
        if ((w0 & 0xfe00) == 0xfc00) {
            return "unique local (fc00::/7)";
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return "link-local (fe80::/10)";
        }
        if ((w0 & 0xff00) == 0xff00) {
            return "multicast";
        }
        return "not global unicast";
    }

    private static Optional<String> embedded(byte[] b, int offset, String form) {
        byte[] v4 = new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        String dotted = (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
        return ipv4(v4).map(reason -> form + " " + dotted + ": " + reason);
    }

    private static boolean isLoopback6(byte[] b) {
        return b[15] == 1 && allZero(b, 12, 15);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

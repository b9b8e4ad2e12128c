package com.firsthand.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The webhook target guard against an independent table of the IANA special-purpose blocks, over generated
 * addresses biased towards the edges of every block; and every IPv6 form that embeds an IPv4 address is judged
 * as that address.
 */
class TargetAddressPropertiesTest {

    /** IPv4 blocks that are never a webhook target: base address and prefix length. */
    private static final List<long[]> REFUSED_V4 = List.of(block("0.0.0.0", 8), block("10.0.0.0", 8),
            block("100.64.0.0", 10), block("127.0.0.0", 8), block("169.254.0.0", 16), block("172.16.0.0", 12),
            block("192.0.0.0", 24), block("192.0.2.0", 24), block("192.88.99.0", 24), block("192.168.0.0", 16),
            block("198.18.0.0", 15), block("198.51.100.0", 24), block("203.0.113.0", 24), block("224.0.0.0", 4),
            block("240.0.0.0", 4));

    @Test
    void anIpv4AddressIsRefusedExactlyWhenItIsInASpecialPurposeBlock() {
        qt().withExamples(5_000).forAll(ipv4()).checkAssert(address -> assertThat(
                TargetAddresses.isAllowed(v4(address))).as(dotted(address)).isEqualTo(!inRefusedBlock(address)));
    }

    @Test
    void everyIpv6FormThatEmbedsAnIpv4AddressIsJudgedAsThatAddress() {
        qt().withExamples(3_000).forAll(ipv4(), longs().all()).checkAssert((address, noise) -> {
            boolean allowed = TargetAddresses.isAllowed(v4(address));
            long v4 = address;
            assertThat(TargetAddresses.isAllowed(v6(0, 0xffffL << 32 | v4)))
                    .as("::ffff:" + dotted(address)).isEqualTo(allowed);
            assertThat(TargetAddresses.isAllowed(v6(0x0064_ff9bL << 32, v4)))
                    .as("64:ff9b::" + dotted(address)).isEqualTo(allowed);
            long sixToFour = 0x2002L << 48 | (v4) << 16 | noise >>> 48;
            assertThat(TargetAddresses.isAllowed(v6(sixToFour, noise))).as("2002:" + dotted(address) + "::")
                    .isEqualTo(allowed);
            assertThat(TargetAddresses.isAllowed(v6(0, v4))).as("::" + dotted(address)).isFalse();
        });
    }

    @Test
    void anIpv6AddressOutsideGlobalUnicastIsAlwaysRefused() {
        qt().withExamples(3_000).forAll(longs().all(), longs().all())
                .assuming((high, low) -> (high >>> 61) != 0b001 && !embedsIpv4(high, low))
                .checkAssert((high, low) -> assertThat(TargetAddresses.isAllowed(v6(high, low))).isFalse());
    }

    @Test
    void aGlobalUnicastIpv6AddressIsRefusedOnlyInItsReservedBlocks() {
        Gen<Long> global = longs().all().map(high -> high & 0x1fff_ffff_ffff_ffffL | 0x2000_0000_0000_0000L);
        qt().withExamples(3_000).forAll(global.mix(reservedV6Edges(), 40), longs().all()).assuming(
                (high, low) -> (high >>> 48) != 0x2002).checkAssert((high, low) -> {
                    int first = (int) (high >>> 48);
                    int second = (int) (high >>> 32) & 0xffff;
                    boolean reserved = first == 0x2001 && second < 0x0200 || first == 0x2001 && second == 0x0db8
                            || first == 0x3fff && second <= 0x0fff;
                    assertThat(TargetAddresses.isAllowed(v6(high, low))).isEqualTo(!reserved);
                });
    }

    /** Any address, with the edges of every refused block (first, last and their neighbours) drawn often. */
    private static Gen<Long> ipv4() {
        Gen<Long> any = longs().between(0, 0xffff_ffffL);
        Gen<Long> edges = Generate.pick(REFUSED_V4).zip(integers().between(0, 3), (block, edge) -> {
            long size = 1L << (32 - block[1]);
            long at = switch (edge) {
                case 0 -> block[0] - 1;
                case 1 -> block[0];
                case 2 -> block[0] + size - 1;
                default -> block[0] + size;
            };
            return Math.floorMod(at, 1L << 32);
        });
        return any.mix(edges, 50);
    }

    private static Gen<Long> reservedV6Edges() {
        return Generate.pick(List.of(0x2001_0000L, 0x2001_01ffL, 0x2001_0200L, 0x2001_0db7L, 0x2001_0db8L,
                0x2001_0db9L, 0x3fff_0000L, 0x3fff_0fffL, 0x3fff_1000L, 0x2000_ffffL)).map(top -> top << 32);
    }

    /** IPv4-mapped and NAT64 addresses lie outside 2000::/3 but are judged by the IPv4 address inside. */
    private static boolean embedsIpv4(long high, long low) {
        return high == 0 && low >>> 32 == 0xffff || high == 0x0064_ff9b_0000_0000L && low >>> 32 == 0;
    }

    private static boolean inRefusedBlock(long address) {
        return REFUSED_V4.stream().anyMatch(b -> address >>> (32 - b[1]) == b[0] >>> (32 - b[1]));
    }

    private static long[] block(String base, int prefix) {
        return new long[] {Integer.toUnsignedLong(ByteBuffer.wrap(v4bytes(base)).getInt()), prefix};
    }

    private static byte[] v4bytes(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    private static InetAddress v4(long address) {
        return address(ByteBuffer.allocate(4).putInt((int) address).array());
    }

    private static InetAddress v6(long high, long low) {
        return address(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
    }

    private static InetAddress address(byte[] bytes) {
        try {
            // Java turns a 16-byte IPv4-mapped address into an Inet4Address; the guard must judge both the same.
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String dotted(long address) {
        return (address >>> 24 & 0xff) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "."
                + (address & 0xff);
    }
}

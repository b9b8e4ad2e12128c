package com.firsthand.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
        "127.1.2.3", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.192", "192.0.2.10",
        "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
        "239.255.255.250", "240.0.0.1", "255.255.255.255",
        "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.0.1",
        "::127.0.0.1", "::10.1.1.1", "64:ff9b::a00:1", "64:ff9b::7f00:1", "64:ff9b:1::1", "2002:7f00:1::1",
        "2002:a9fe:a9fe::1", "fc00::1", "fd00:ec2::254", "fdff:ffff::1", "fe80::1", "febf::1", "fec0::1",
        "ff02::1", "ff05::1:3", "100::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:10::1",
        "2001:db8::1", "3fff::1", "::2", "1::1", "4000::1"})
    void refusesNonPublicAddresses(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(TargetAddresses.refusal(address)).as(literal).isPresent();
        assertThat(TargetAddresses.isAllowed(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.1.1.1", "8.8.8.8", "9.9.9.9", "100.63.255.255", "100.128.0.1", "126.255.255.255", "128.0.0.1",
        "169.253.255.255", "169.255.0.1", "172.15.255.255", "172.32.0.1", "192.0.1.1", "192.0.3.1", "192.167.1.1",
        "192.169.0.1", "198.17.255.255", "198.20.0.1", "203.0.114.1", "223.255.255.255", "11.0.0.1",
        "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1", "2001:200::1",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "3fff:1000::1"})
    void acceptsPublicUnicast(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(TargetAddresses.refusal(address)).as(literal).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void judgesAnIpv4MappedAddressBuiltFromRawBytesByItsEmbeddedAddress() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        InetAddress address = java.net.Inet6Address.getByAddress(null, mapped, null);
        assertThat(TargetAddresses.refusal(address)).get().asString().contains("169.254");
    }

    @org.junit.jupiter.api.Test
    void explainsWhyTheMetadataAddressIsRefused() throws UnknownHostException {
        assertThat(TargetAddresses.refusal(InetAddress.getByName("169.254.169.254"))).get().asString()
                .contains("metadata");
        assertThat(TargetAddresses.refusal(InetAddress.getByName("fe80::1"))).get().asString()
                .contains("link-local");
    }
}

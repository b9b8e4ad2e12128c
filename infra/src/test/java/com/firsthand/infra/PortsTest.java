package com.firsthand.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreDistinctAndOutsideTheRangeOutgoingConnectionsUse() throws Exception {
        String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
        int ephemeralLow = Integer.parseInt(range.split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(20000, ephemeralLow - 1);
            assertThat(Ports.isBindable(port)).isTrue();
            assertThat(ports.add(port)).as("handed out twice: %d", port).isTrue();
        }
    }
}

package com.firsthand.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Free loopback ports and waiting for a port to accept connections. */
public final class Ports {

    /** Below this the launcher's fixed ports (8080-8084, 15432, 19000, 19092-19093) and well-known servers live. */
    private static final int LOWEST = 20000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /**
     * A port nothing listens on now and that this JVM has not handed out before. A server is started on it only
     * later, so the port is drawn from below the kernel's ephemeral range: an outgoing connection opened in the
     * meantime (which takes an ephemeral port) cannot take it. Where that range leaves no room, the kernel picks.
     */
    public static synchronized int free() {
        int ephemeralLow = ephemeralRangeLow();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ephemeralLow - LOWEST >= 1000
                    ? ThreadLocalRandom.current().nextInt(LOWEST, ephemeralLow)
                    : kernelChosen();
            if (!HANDED_OUT.contains(port) && isBindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    /** True when a server could bind the port on every address now. */
    public static boolean isBindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails at once, naming the port, when a server of {@code what} could not bind one of {@code ports}. */
    public static void requireBindable(String what, int... ports) {
        for (int port : ports) {
            if (!isBindable(port)) {
                throw new IllegalStateException(what + " cannot start: port " + port + " is already in use");
            }
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the port accepts connections; fails early when {@code stillRunning} turns false. */
    public static void awaitOpen(String what, int port, Duration timeout, BooleanSupplier stillRunning,
            Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isOpen(port)) {
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before opening port " + port + "; its log ends:\n"
                        + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not open port " + port + " within " + timeout
                        + "; its log ends:\n" + diagnostics.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ephemeralRangeLow() {
        try {
            // Files.readString trusts the size procfs reports and reads only part of the line.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49152; // the IANA dynamic range, which other systems use
        }
    }
}

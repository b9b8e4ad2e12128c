package com.firsthand.launcher;

import java.nio.file.Path;
import java.util.Map;

/** Command-line options of the launcher. */
public record LauncherOptions(String host, int port, Path dataDir, boolean reset, boolean help,
        int unauthenticatedRate) {

    /** Requests a second per client address without credentials at the gateway (after a burst of twice as many). */
    public static final int DEFAULT_UNAUTHENTICATED_RATE = 10;

    public static final String USAGE = String.join("\n",
            "Usage: ./run.sh [options]",
            "",
            "Starts PostgreSQL, Kafka, an S3 store, the four FirstHand services and the gateway on this machine.",
            "",
            "Options:",
            "  --port N          gateway port (default 8080)",
            "  --host ADDR       gateway bind address (default 127.0.0.1; 0.0.0.0 to expose it)",
            "  --data-dir DIR    where data, secrets and logs live (default <project>/.data, env FH_DATA_DIR)",
            "  --unauthenticated-rate N  requests a second one client address may send without credentials"
                    + " (burst 2N; default 10, 0: no limit)",
            "  --reset           delete the data directory first: every database, topic, file and credential",
            "  --no-build        (run.sh only) skip 'mvn install' and use the jars already built",
            "  --help            print this help",
            "");

    /** Parses {@code args}; relative directories resolve against the working directory. */
    public static LauncherOptions parse(String[] args, Map<String, String> env, Path defaultDataDir) {
        String host = "127.0.0.1";
        int port = 8080;
        String envDataDir = env.get("FH_DATA_DIR");
        Path dataDir = envDataDir == null || envDataDir.isBlank() ? defaultDataDir : Path.of(envDataDir);
        boolean reset = false;
        boolean help = false;
        int unauthenticatedRate = DEFAULT_UNAUTHENTICATED_RATE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--reset" -> reset = true;
                case "--help", "-h" -> help = true;
                case "--port", "--host", "--data-dir", "--unauthenticated-rate" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    switch (name) {
                        case "--port" -> port = parsePort(value);
                        case "--host" -> host = value;
                        case "--unauthenticated-rate" -> unauthenticatedRate = parseRate(value);
                        default -> dataDir = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new LauncherOptions(host, port, dataDir.toAbsolutePath().normalize(), reset, help,
                unauthenticatedRate);
    }

    private static int parseRate(String value) {
        try {
            int rate = Integer.parseInt(value);
            if (rate >= 0) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--unauthenticated-rate needs a number of requests a second, not " + value);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 1 to 65535, not " + value);
    }
}

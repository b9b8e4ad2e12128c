package com.firsthand.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The one set of real Kafka, PostgreSQL and S3Proxy of a test JVM. Quarkus loads test classes anew for each test
 * profile, so a static field would start a second set beside the first at every profile switch. The set is
 * registered as a platform MBean instead, which every class loader of the JVM reaches, and is used from outside
 * only through JDK types.
 */
public final class SharedTestInfrastructure {

    public static final String DATABASE = "firsthand";
    private static final String NAME = "com.firsthand.infra:type=TestInfrastructure";

    /** What other class loaders see of the set: JDK types only. */
    public interface ControlMBean {
        Map<String, String> getConfig();

        void stopPostgres();

        void startPostgres();
    }

    private SharedTestInfrastructure() {
    }

    /** The service configuration that points at the set, starting it first if this JVM has none yet. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> config() {
        return new HashMap<>((Map<String, String>) call(server -> server.getAttribute(name(), "Config")));
    }

    /** Stops PostgreSQL (as an outage would) until {@link #startPostgres()}. */
    public static void stopPostgres() {
        call(server -> server.invoke(name(), "stopPostgres", null, null));
    }

    public static void startPostgres() {
        call(server -> server.invoke(name(), "startPostgres", null, null));
    }

    private interface ServerCall {
        Object on(MBeanServer server) throws JMException;
    }

    private static Object call(ServerCall call) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        // A string literal is one object in the whole JVM (JLS 3.10.5), whichever class loader loaded this class.
        synchronized (NAME) {
            if (!server.isRegistered(name())) {
                register(server);
            }
        }
        try {
            return call.on(server);
        } catch (JMException e) {
            throw new IllegalStateException("test infrastructure: " + e.getMessage(), e);
        }
    }

    private static void register(MBeanServer server) {
        try {
            Path dir = Files.createTempDirectory("fh-test-infra");
            LocalInfrastructure infrastructure = LocalInfrastructure.onFreePorts(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                infrastructure.close();
                deleteQuietly(dir);
            }, "fh-test-infra-stop"));
            server.registerMBean(new StandardMBean(new Control(infrastructure), ControlMBean.class), name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the test infrastructure", e);
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName(NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit; the directory is under the temporary directory anyway.
        }
    }

    private static final class Control implements ControlMBean {

        private final LocalInfrastructure infrastructure;
        private final Map<String, String> config;

        Control(LocalInfrastructure infrastructure) {
            this.infrastructure = infrastructure;
            this.config = Map.copyOf(infrastructure.serviceConfig(DATABASE));
        }

        @Override
        public Map<String, String> getConfig() {
            return new HashMap<>(config);
        }

        @Override
        public void stopPostgres() {
            infrastructure.postgres().close();
        }

        @Override
        public void startPostgres() {
            infrastructure.postgres().start();
        }
    }
}

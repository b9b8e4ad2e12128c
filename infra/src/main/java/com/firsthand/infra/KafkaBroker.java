package com.firsthand.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real single-node Apache Kafka KRaft broker (broker and controller in one) in a child JVM, with the
 * settings measured in shared/LOCAL-INFRA.md. Storage is formatted once; a restart on the same directory keeps
 * every topic and offset.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    /** user name to password for SASL/PLAIN logins on the client listener; empty: a plaintext listener. */
    private final Map<String, String> logins;
    private ChildJvm child;

    private KafkaBroker(Path dataDir, int port, int controllerPort, Map<String, String> logins) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logins = Map.copyOf(logins);
    }

    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, Map.of());
        broker.start();
        return broker;
    }

    /**
     * A broker on fresh ports whose only client listener is SASL_PLAINTEXT and takes PLAIN logins of these users
     * (user name to password): for tests of how clients carry their security settings.
     */
    public static KafkaBroker withLoginsOnFreePorts(Path dataDir, Map<String, String> logins) {
        return FreshPortAttempts.start("Kafka with logins", attempt -> {
            KafkaBroker broker = new KafkaBroker(dataDir.resolve("attempt-" + attempt), Ports.free(), Ports.free(),
                    logins);
            broker.start();
            return broker;
        });
    }

    /** Starts (or restarts) the broker process on the same ports and storage. */
    public synchronized void start() {
        if (child != null && child.isAlive()) {
            return;
        }
        Ports.requireBindable("Kafka", port, controllerPort);
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Path config = writeConfig();
            Path log4j = writeLog4jConfig();
            String classpath = ChildJvm.classpathResource("kafka.classpath");
            Path processLog = dataDir.resolve("kafka.log");
            String logging = "-Dlog4j2.configurationFile=" + log4j;
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                ChildJvm.run("kafka-storage-format", classpath, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", logging), "kafka.tools.StorageTool",
                        List.of("format", "-t", clusterId(), "-c", config.toString()), processLog,
                        Duration.ofSeconds(90));
            }
            child = ChildJvm.start("kafka", classpath, List.of("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC", logging),
                    "kafka.Kafka", List.of(config.toString()), processLog);
            child.awaitPort(port, Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker as a crash would: no controlled shutdown. */
    public synchronized void kill() {
        if (child != null) {
            child.kill();
        }
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            child.close();
        }
    }

    private Path writeConfig() throws IOException {
        String listener = logins.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + listener + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + listener,
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT," + listener + ":" + listener,
                loginConfig(),
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    /** The SASL/PLAIN settings of the client listener (the broker logs in to itself as "broker"). */
    private String loginConfig() {
        if (logins.isEmpty()) {
            return "";
        }
        String users = logins.entrySet().stream()
                .map(login -> "user_" + login.getKey() + "=\"" + login.getValue() + "\"")
                .collect(Collectors.joining(" "));
        String broker = "broker-local-secret";
        return String.join("\n",
                "sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.inter.broker.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                        + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" "
                        + "password=\"" + broker + "\" user_broker=\"" + broker + "\" " + users + ";");
    }

    private Path writeLog4jConfig() throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d %p %c - %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                // Start and stop are worth a line each; the rest of INFO is the whole configuration.
                "logger.lifecycle.name = kafka.server.KafkaRaftServer",
                "logger.lifecycle.level = info",
                ""));
        return file;
    }

    private static String clusterId() {
        byte[] bytes = new byte[16];
        String id;
        do {
            new SecureRandom().nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}

package com.firsthand.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfrastructureTest {

    @TempDir
    Path dir;

    @Test
    void startsRealServersThatAcceptConnectionsAndSurviveARestart() throws Exception {
        try (LocalInfrastructure infra = LocalInfrastructure.onFreePorts(dir)) {
            String url = infra.postgres().createDatabase("smoke");
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v int)");
                s.execute("INSERT INTO t VALUES (42)");
            }
            int kafkaPort = Integer.parseInt(infra.kafka().bootstrapServers().split(":")[1]);
            assertThat(Ports.isOpen(kafkaPort)).isTrue();
            assertThat(Ports.isOpen(infra.s3().port())).isTrue();

            infra.postgres().close();
            infra.postgres().start();
            infra.kafka().kill();
            assertThat(Ports.isOpen(kafkaPort)).isFalse();
            infra.kafka().start();
            assertThat(Ports.isOpen(kafkaPort)).isTrue();

            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }

            // Each server writes its own log through a real logging backend, so that a failure can be read.
            assertThat(Files.readString(infra.kafka().dataDir().resolve("kafka.log")))
                    .contains("Kafka Server started").doesNotContain("No SLF4J providers");
            assertThat(Files.readString(infra.postgres().log()))
                    .contains("database system is ready to accept connections");
        }
    }

    @Test
    void aServerWhosePortWasTakenMeanwhileStartsAgainOnFreshPorts() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", Ports.free()));
            AtomicInteger handedOut = new AtomicInteger();
            // The first port handed out (PostgreSQL's) is taken by someone else before the server binds it.
            try (LocalInfrastructure infra = LocalInfrastructure.onFreePorts(dir,
                    () -> handedOut.getAndIncrement() == 0 ? taken.getLocalPort() : Ports.free())) {
                assertThat(infra.postgres().port()).isNotEqualTo(taken.getLocalPort());
                String url = infra.postgres().createDatabase("retried");
                try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
                    assertThat(c.isValid(5)).isTrue();
                }
                assertThat(Ports.isOpen(infra.s3().port())).isTrue();
            }
        }
    }

    @Test
    void givingUpNamesEveryAttemptsReason() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", Ports.free()));
            assertThatThrownBy(() -> LocalInfrastructure.onFreePorts(dir, taken::getLocalPort))
                    .hasMessageContaining("PostgreSQL did not start in 3 attempts")
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use")
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        }
    }

    @Test
    void aBrokerThatExitsSaysWhyInTheError() throws Exception {
        Path kafkaDir = dir.resolve("kafka");
        try (KafkaBroker broker = KafkaBroker.start(kafkaDir, Ports.free(), Ports.free())) {
            assertThat(broker.isRunning()).isTrue();
        }
        // Storage that belongs to another node: the broker refuses it and exits, and only its own log says why.
        Path meta = kafkaDir.resolve("logs").resolve("meta.properties");
        Files.writeString(meta, Files.readString(meta).replace("node.id=1", "node.id=7"));

        assertThatThrownBy(() -> KafkaBroker.start(kafkaDir, Ports.free(), Ports.free()))
                .hasMessageContaining("kafka exited before opening port")
                .hasMessageContaining("ERROR")
                .hasMessageContaining("node");
    }
}

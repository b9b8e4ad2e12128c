package com.firsthand.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
        }
    }
}

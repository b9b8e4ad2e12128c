package com.firsthand.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.infra.KafkaBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real broker that takes only SASL logins: clients built by KafkaClients from the deployment's kafka.*
 * settings log in and produce; without the login (or with a wrong one) they cannot.
 */
class KafkaClientsLoginTest {

    private static final String TOPIC = "login.test";
    private static final Map<String, Object> FAST = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);

    @TempDir
    static Path dataDir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.withLoginsOnFreePorts(dataDir, Map.of("firsthand-jobs", "jobs-secret"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void clientsWithTheDeploymentsLoginProduceAndDescribeTheCluster() throws Exception {
        KafkaClients clients = new KafkaClients(login("jobs-secret"));

        try (Producer<String, String> producer = clients.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, "key", "value")).get(60, TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo(TOPIC);
        }
        try (Admin admin = clients.admin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            assertThat(admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS)).isNotBlank();
        }
    }

    @Test
    void aClientWithoutTheLoginCannotProduce() {
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", broker.bootstrapServers()));

        try (Producer<String, String> producer = clients.producer(FAST)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "key", "forged"))
                    .get(20, TimeUnit.SECONDS)).hasStackTraceContaining("TimeoutException");
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        KafkaClients clients = new KafkaClients(login("guessed"));

        try (Producer<String, String> producer = clients.producer(FAST)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "key", "forged"))
                    .get(20, TimeUnit.SECONDS)).hasStackTraceContaining("Authentication failed");
        }
    }

    private static Map<String, Object> login(String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"firsthand-jobs\" password=\"" + password + "\";");
        return config;
    }
}

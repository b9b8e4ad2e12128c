package com.firsthand.common.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the Kafka clients the services make by hand (the outbox producer, the topic provisioner, the readiness
 * check, the credential replica's rebuild) from every {@code kafka.*} property, the very map Quarkus gives the messaging channels. Whatever the
 * deployment sets there (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.*, ...) applies to
 * these clients exactly as it applies to the consumers, so turning on broker authentication breaks none of them.
 */
@ApplicationScoped
public class KafkaClients {

    /** The bean quarkus-kafka-client produces: {@code kafka.} stripped, environment variables mapped. */
    public static final String BROKER_CONFIG = "default-kafka-broker";

    private final Map<String, Object> brokerConfig;

    public KafkaClients(@Identifier(BROKER_CONFIG) Map<String, Object> brokerConfig) {
        this.brokerConfig = Map.copyOf(brokerConfig);
    }

    public Producer<String, String> producer(Map<String, Object> settings) {
        return new KafkaProducer<>(config(settings), new StringSerializer(), new StringSerializer());
    }

    public Admin admin(Map<String, Object> settings) {
        return Admin.create(config(settings));
    }

    /** A consumer outside any consumer group: it assigns partitions itself and commits nothing. */
    public Consumer<String, String> groupFreeConsumer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(brokerConfig);
        config.keySet().removeIf(key -> key.startsWith("group.") || key.equals("auto.offset.reset"));
        config.putAll(settings);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * The deployment's kafka.* properties with the client's own settings on top: those (acks, idempotence,
     * timeouts) are what the client's correctness relies on; security is never among them.
     */
    Map<String, Object> config(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(brokerConfig);
        config.putAll(settings);
        return config;
    }
}

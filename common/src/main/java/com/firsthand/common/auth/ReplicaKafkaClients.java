package com.firsthand.common.auth;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

/**
 * The credential replica's own Kafka clients (start-up rebuild, lag check), configured like the messaging channels
 * from Quarkus' default-kafka-broker map (every {@code kafka.*} property and {@code KAFKA_*} environment variable),
 * so that the security settings of the bus apply to them too.
 */
@ApplicationScoped
class ReplicaKafkaClients {

    private static final String CHANNEL_GROUP = "mp.messaging.incoming.credential-changed.group.id";

    private final Map<String, Object> broker;
    private final Config config;

    ReplicaKafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker, Config config) {
        this.broker = broker;
        this.config = config;
    }

    /** A consumer outside any group: it assigns partitions itself and commits nothing. */
    KafkaConsumer<String, String> consumer() {
        Map<String, Object> properties = common();
        properties.keySet().removeIf(key -> key.startsWith("group.") || key.equals("auto.offset.reset"));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "credential-replica-rebuild-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    Admin admin() {
        Map<String, Object> properties = common();
        properties.put("request.timeout.ms", 3_000);
        properties.put("default.api.timeout.ms", 5_000);
        return Admin.create(properties);
    }

    /** The consumer group of the credential-changed channel, whose committed offsets show how far it has got. */
    String channelGroup() {
        return config.getOptionalValue(CHANNEL_GROUP, String.class)
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .orElseThrow(() -> new IllegalStateException("the credential replica needs kafka.group.id"));
    }

    private Map<String, Object> common() {
        Map<String, Object> properties = new HashMap<>(broker);
        properties.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value."));
        return properties;
    }
}

package com.firsthand.common.auth;

import com.firsthand.common.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * The credential replica's own Kafka clients (start-up rebuild, lag check), built by {@link KafkaClients} like every
 * hand-built client, so that the security settings of the bus apply to them too.
 */
@ApplicationScoped
class ReplicaKafkaClients {

    private static final String CHANNEL_GROUP = "mp.messaging.incoming.credential-changed.group.id";

    private final KafkaClients clients;
    private final Config config;

    ReplicaKafkaClients(KafkaClients clients, Config config) {
        this.clients = clients;
        this.config = config;
    }

    /** A consumer outside any group: it assigns partitions itself and commits nothing. */
    Consumer<String, String> consumer() {
        return clients.groupFreeConsumer(Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "credential-replica-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500));
    }

    Admin admin() {
        return clients.admin(Map.of("request.timeout.ms", 3_000, "default.api.timeout.ms", 5_000));
    }

    /** The consumer group of the credential-changed channel, whose committed offsets show how far it has got. */
    String channelGroup() {
        return config.getOptionalValue(CHANNEL_GROUP, String.class)
                .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                .orElseThrow(() -> new IllegalStateException("the credential replica needs kafka.group.id"));
    }
}

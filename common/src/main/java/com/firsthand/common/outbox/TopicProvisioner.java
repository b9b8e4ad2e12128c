package com.firsthand.common.outbox;

import com.firsthand.common.config.FirsthandConfig;
import com.firsthand.common.kafka.KafkaClients;
import com.firsthand.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/**
 * Creates the platform's topics when they are missing (local runs, tests, docker compose). Where Strimzi
 * KafkaTopic resources own them, firsthand.kafka.provision-topics=false turns this off.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final FirsthandConfig config;
    private final KafkaClients clients;

    public TopicProvisioner(FirsthandConfig config, KafkaClients clients) {
        this.config = config;
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.kafka().provisionTopics()) {
            return;
        }
        try (Admin admin = clients.admin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(topic -> !existing.contains(topic))
                    .map(this::newTopic).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((topic, result) -> awaitCreated(topic, result));
            }
        } catch (Exception e) {
            LOG.warnf("Could not provision Kafka topics (they may be auto-created): %s", e.toString());
        }
    }

    private NewTopic newTopic(String topic) {
        NewTopic newTopic = new NewTopic(topic, config.kafka().partitions(), config.kafka().replicationFactor());
        if (Topics.COMPACTED.contains(topic)) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return newTopic;
    }

    private static void awaitCreated(String topic, org.apache.kafka.common.KafkaFuture<Void> result) {
        try {
            result.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                LOG.warnf("Could not create topic %s: %s", topic, e.getCause().toString());
            }
        } catch (Exception e) {
            LOG.warnf("Could not create topic %s: %s", topic, e.toString());
        }
    }
}

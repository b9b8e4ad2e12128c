package com.firsthand.common.auth;

import com.firsthand.common.config.FirsthandConfig;
import com.firsthand.events.Topics;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the credential replica cannot be trusted to refuse a revoked key: until the start-up rebuild has
 * read the topic to its end, and whenever the channel consumer has not reached, within firsthand.credentials.max-lag,
 * an end offset of credential.changed seen by an earlier check (a stalled partition, a stopped channel).
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "firsthand.credentials.replica", stringValue = "true")
public class CredentialReplicaReadiness implements HealthCheck {

    private static final String NAME = "credential-replica";

    private final CredentialReplicaRebuild rebuild;
    private final ReplicaKafkaClients clients;
    private final ReplicaLag lag;
    private final Clock clock;
    private Admin admin;

    public CredentialReplicaReadiness(CredentialReplicaRebuild rebuild, ReplicaKafkaClients clients,
            FirsthandConfig config, Clock clock) {
        this.rebuild = rebuild;
        this.clients = clients;
        this.lag = new ReplicaLag(config.credentials().maxLag());
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        if (!rebuild.done()) {
            return HealthCheckResponse.named(NAME).down().withData("state", "rebuilding").build();
        }
        try {
            List<Integer> lagging = lag.lagging(endOffsets(), committedOffsets(), clock.instant());
            if (!lagging.isEmpty()) {
                return HealthCheckResponse.named(NAME).down().withData("lagging_partitions", lagging.toString())
                        .build();
            }
            return HealthCheckResponse.named(NAME).up().build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down().withData("error", e.toString()).build();
        }
    }

    private Map<Integer, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions = admin().describeTopics(List.of(Topics.CREDENTIAL_CHANGED))
                .allTopicNames().get(4, TimeUnit.SECONDS).get(Topics.CREDENTIAL_CHANGED).partitions().stream()
                .map(info -> new TopicPartition(Topics.CREDENTIAL_CHANGED, info.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<Integer, Long> ends = new HashMap<>();
        admin().listOffsets(latest).all().get(4, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    private Map<Integer, Long> committedOffsets() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(clients.channelGroup())
                .partitionsToOffsetAndMetadata().get(4, TimeUnit.SECONDS);
        Map<Integer, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(Topics.CREDENTIAL_CHANGED) && offset != null) {
                committed.put(partition.partition(), offset.offset());
            }
        });
        return committed;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}

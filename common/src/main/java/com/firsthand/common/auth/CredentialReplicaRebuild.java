package com.firsthand.common.auth;

import com.firsthand.common.api.DatabaseOutage;
import com.firsthand.events.CredentialChanged;
import com.firsthand.events.EventJson;
import com.firsthand.events.Topics;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds the credential replica at start-up by reading the compacted credential.changed topic from its beginning
 * up to the end offsets it finds, applying every record by version. The channel consumer resumes from its group's
 * committed offsets, which a database restored from an older backup does not match: without this pass, what the
 * restored tables lost would never come back. Readiness stays down until it is done (CredentialReplicaReadiness).
 */
@ApplicationScoped
@IfBuildProperty(name = "firsthand.credentials.replica", stringValue = "true")
public class CredentialReplicaRebuild {

    private static final Logger LOG = Logger.getLogger(CredentialReplicaRebuild.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ReplicaKafkaClients clients;
    private final CredentialRepository credentials;
    private volatile boolean done;
    private volatile boolean stopping;

    public CredentialReplicaRebuild(ReplicaKafkaClients clients, CredentialRepository credentials) {
        this.clients = clients;
        this.credentials = credentials;
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::rebuildUntilDone, "credential-replica-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean done() {
        return done;
    }

    /**
     * Reads the topic from the beginning to the end offsets of this moment and applies each record.
     *
     * @return the number of records that changed the replica
     */
    public int rebuild() {
        int applied = 0;
        try (Consumer<String, String> consumer = clients.consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CREDENTIAL_CHANGED).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!stopping && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                            && apply(record)) {
                        applied++;
                    }
                }
            }
        }
        return applied;
    }

    private void rebuildUntilDone() {
        while (!stopping && !done) {
            try {
                int applied = rebuild();
                done = !stopping;
                LOG.infof("Credential replica rebuilt from %s: %d record(s) changed it", Topics.CREDENTIAL_CHANGED,
                        applied);
            } catch (RuntimeException e) {
                LOG.warnf("Credential replica rebuild failed, retrying in %s: %s", RETRY_AFTER, e.toString());
                try {
                    Thread.sleep(RETRY_AFTER.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A record that cannot be applied is left to the channel consumer, which dead-letters it. */
    private boolean apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            return credentials.upsert(EventJson.read(record.value()).payloadAs(CredentialChanged.class));
        } catch (EventJson.MalformedEventException e) {
            LOG.warnf("Rebuild skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        } catch (IllegalStateException e) {
            if (DatabaseOutage.isCause(e)) {
                throw e;
            }
            LOG.warnf("Rebuild skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e);
            return false;
        }
    }
}

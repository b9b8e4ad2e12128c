package com.firsthand.common.auth;

import com.firsthand.common.inbox.EventConsumer;
import com.firsthand.events.CredentialChanged;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps this service's credential replica current from the compacted credential.changed topic. Every service
 * but the owner (jobs-service) enables it with {@code firsthand.credentials.replica=true} at build time. Records
 * apply by version, not through the processed-event log, so a replay (a rebuild, an admin reseed) restores what a
 * restored database lost; one that cannot be applied is dead-lettered and the records behind it still apply.
 */
@ApplicationScoped
@IfBuildProperty(name = "firsthand.credentials.replica", stringValue = "true")
public class CredentialReplicaConsumer {

    public static final String CONSUMER = "credential-replica";

    private final EventConsumer consumer;
    private final CredentialRepository credentials;

    public CredentialReplicaConsumer(EventConsumer consumer, CredentialRepository credentials) {
        this.consumer = consumer;
        this.credentials = credentials;
    }

    @Incoming("credential-changed")
    @Blocking
    public void onCredentialChanged(String message) {
        consumer.handleIdempotent(CONSUMER, message,
                event -> credentials.upsert(event.payloadAs(CredentialChanged.class)));
    }
}

package com.firsthand.jobs.service;

import com.firsthand.common.auth.CredentialRepository;
import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.CredentialChanged;
import com.firsthand.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Publishes every credential again, its current state and version, through the outbox: the repair for a replica
 * that lost records (restored from a backup older than the topic's compaction, or a record dead-lettered).
 * Replicas apply a record only over a lower version, so a replica that is current changes nothing.
 */
@ApplicationScoped
public class ReseedCredentials {

    private static final int BATCH = 500;

    private final CredentialRepository credentials;
    private final Outbox outbox;
    private final Clock clock;

    public ReseedCredentials(CredentialRepository credentials, Outbox outbox, Clock clock) {
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Reseeded(int credentials, int active, int revoked) {
    }

    /** Must run in a transaction: the outbox rows commit together, and the relay sends them in its batches. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reseeded reseed() {
        int active = 0;
        int revoked = 0;
        String after = "";
        List<CredentialChanged> page;
        do {
            page = credentials.page(after, BATCH);
            for (CredentialChanged credential : page) {
                outbox.append(Topics.CREDENTIAL_CHANGED, AggregateTypes.CREDENTIAL, credential.credentialId(),
                        credential.orgId(), clock.instant(), credential);
                if (CredentialChanged.STATUS_REVOKED.equals(credential.status())) {
                    revoked++;
                } else {
                    active++;
                }
                after = credential.credentialId();
            }
        } while (page.size() == BATCH);
        return new Reseeded(active + revoked, active, revoked);
    }
}

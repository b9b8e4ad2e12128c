package com.firsthand.common.testing;

import com.firsthand.common.auth.SecretHasher;
import com.firsthand.common.ids.Ids;
import com.firsthand.events.CredentialChanged;
import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.Topics;
import java.time.Instant;

/**
 * Issues credentials the way jobs-service does, by publishing credential.changed to the real broker, so a
 * service's tests can authenticate against its replica without running jobs-service.
 */
public final class PublishedCredentials {

    public record Issued(String id, String secret, String orgId, String workerId, String secretHash) {
    }

    private PublishedCredentials() {
    }

    public static Issued buyerKey(String bootstrapServers) {
        return buyerKey(bootstrapServers, Ids.next(Ids.ORGANIZATION));
    }

    public static Issued buyerKey(String bootstrapServers, String orgId) {
        return publish(bootstrapServers, Ids.next(Ids.API_KEY), CredentialChanged.KIND_BUYER_API_KEY, orgId, null,
                SecretHasher.newSecret("fh_live_"));
    }

    public static Issued workerToken(String bootstrapServers) {
        return publish(bootstrapServers, Ids.next(Ids.WORKER_TOKEN), CredentialChanged.KIND_WORKER_TOKEN, null,
                Ids.next(Ids.WORKER), SecretHasher.newSecret("fh_wkr_"));
    }

    public static void revoke(String bootstrapServers, Issued credential) {
        String kind = credential.workerId() == null ? CredentialChanged.KIND_BUYER_API_KEY
                : CredentialChanged.KIND_WORKER_TOKEN;
        send(bootstrapServers, new CredentialChanged(credential.id(), kind, credential.orgId(),
                credential.workerId(), credential.secretHash(), CredentialChanged.STATUS_REVOKED, Instant.now()));
    }

    private static Issued publish(String bootstrapServers, String id, String kind, String orgId, String workerId,
            String secret) {
        String hash = SecretHasher.sha256(secret);
        send(bootstrapServers, new CredentialChanged(id, kind, orgId, workerId, hash, CredentialChanged.STATUS_ACTIVE,
                Instant.now()));
        return new Issued(id, secret, orgId, workerId, hash);
    }

    private static void send(String bootstrapServers, CredentialChanged credential) {
        KafkaEvents.send(bootstrapServers, new EventEnvelope(Ids.next(Ids.EVENT), Topics.CREDENTIAL_CHANGED, 1,
                credential.changedAt(), credential.orgId(), "credential", credential.credentialId(),
                EventJson.toTree(credential)));
    }
}

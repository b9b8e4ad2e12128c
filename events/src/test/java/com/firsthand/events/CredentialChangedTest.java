package com.firsthand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A credential record is read only when its owner could have published it; a forged one is refused. */
class CredentialChangedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "buyer key without an organisation,buyer_api_key,null,null,active,h",
        "buyer key with a blank organisation,buyer_api_key,' ',null,active,h",
        "buyer key that is also a worker's,buyer_api_key,org_1,wkr_1,active,h",
        "worker token without a worker,worker_token,null,null,active,h",
        "unknown kind,admin_token,org_1,null,active,h",
        "unknown status,buyer_api_key,org_1,null,superuser,h",
        "no secret hash,buyer_api_key,org_1,null,active,null",
    })
    void aForgedRecordIsRefusedAsMalformed(String name, String kind, String orgId, String workerId, String status,
            String hash) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("credential_id", "key_1").put("kind", kind)
                .put("org_id", orgId).put("worker_id", workerId).put("secret_hash", hash).put("status", status)
                .put("changed_at", "2026-12-01T00:00:00Z");
        EventEnvelope envelope = new EventEnvelope("evt_1", Topics.CREDENTIAL_CHANGED, 1, Instant.now(), orgId,
                "credential", "key_1", payload);

        assertThatThrownBy(() -> envelope.payloadAs(CredentialChanged.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void whatTheOwnerPublishesIsRead() {
        CredentialChanged key = new CredentialChanged("key_1", CredentialChanged.KIND_BUYER_API_KEY, "org_1", null,
                "h", CredentialChanged.STATUS_ACTIVE, Instant.parse("2026-12-01T00:00:00Z"));
        CredentialChanged token = new CredentialChanged("wtk_1", CredentialChanged.KIND_WORKER_TOKEN, null, "wkr_1",
                "h", CredentialChanged.STATUS_REVOKED, Instant.parse("2026-12-01T00:00:00Z"));
        for (CredentialChanged credential : new CredentialChanged[] {key, token}) {
            EventEnvelope envelope = new EventEnvelope("evt_1", Topics.CREDENTIAL_CHANGED, 1, Instant.now(), null,
                    "credential", credential.credentialId(), EventJson.toTree(credential));
            assertThat(envelope.payloadAs(CredentialChanged.class)).isEqualTo(credential);
        }
    }

    @Test
    void aVersionIsReadWhenPresentAndAbsentInOlderRecords() {
        CredentialChanged versioned = new CredentialChanged("key_1", CredentialChanged.KIND_BUYER_API_KEY, "org_1",
                null, "h", CredentialChanged.STATUS_REVOKED, Instant.parse("2026-12-01T00:00:00Z"), 2L);
        EventEnvelope envelope = new EventEnvelope("evt_1", Topics.CREDENTIAL_CHANGED, 1, Instant.now(), "org_1",
                "credential", "key_1", EventJson.toTree(versioned));
        assertThat(envelope.payloadAs(CredentialChanged.class).version()).isEqualTo(2L);

        ObjectNode older = (ObjectNode) EventJson.toTree(versioned);
        older.remove("version");
        CredentialChanged read = new EventEnvelope("evt_2", Topics.CREDENTIAL_CHANGED, 1, Instant.now(), "org_1",
                "credential", "key_1", older).payloadAs(CredentialChanged.class);
        assertThat(read.version()).isNull();
        assertThat(read.versionOrZero()).isZero();
    }

    @Test
    void aVersionBelowOneIsRefused() {
        ObjectNode payload = (ObjectNode) EventJson.toTree(new CredentialChanged("key_1",
                CredentialChanged.KIND_BUYER_API_KEY, "org_1", null, "h", CredentialChanged.STATUS_ACTIVE,
                Instant.parse("2026-12-01T00:00:00Z")));
        payload.put("version", 0);
        EventEnvelope envelope = new EventEnvelope("evt_1", Topics.CREDENTIAL_CHANGED, 1, Instant.now(), "org_1",
                "credential", "key_1", payload);

        assertThatThrownBy(() -> envelope.payloadAs(CredentialChanged.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }
}

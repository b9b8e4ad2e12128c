package com.firsthand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void envelopeRoundTripsWithSnakeCaseFieldsAndTypedPayload() {
        CredentialChanged payload = new CredentialChanged("key_1", CredentialChanged.KIND_BUYER_API_KEY, "org_1",
                null, "abc", CredentialChanged.STATUS_ACTIVE, Instant.parse("2026-11-23T10:00:00Z"));
        EventEnvelope envelope = new EventEnvelope("evt_1", Topics.CREDENTIAL_CHANGED, 1,
                Instant.parse("2026-11-23T10:00:01Z"), "org_1", "credential", "key_1", EventJson.toTree(payload));

        String json = EventJson.write(envelope);

        assertThat(json).contains("\"schema_version\":1", "\"occurred_at\":\"2026-11-23T10:00:01Z\"",
                "\"secret_hash\":\"abc\"");
        EventEnvelope read = EventJson.read(json);
        assertThat(read).isEqualTo(envelope);
        assertThat(read.payloadAs(CredentialChanged.class)).isEqualTo(payload);
    }

    @Test
    void newerProducersMayAddOptionalFields() {
        String json = "{\"id\":\"evt_2\",\"type\":\"credential.changed\",\"schema_version\":2,"
                + "\"occurred_at\":\"2026-11-23T10:00:01Z\",\"org_id\":null,\"aggregate_type\":\"credential\","
                + "\"aggregate_id\":\"key_2\",\"trace_id\":\"x\",\"payload\":{\"credential_id\":\"key_2\","
                + "\"kind\":\"buyer_api_key\",\"org_id\":\"org_1\",\"secret_hash\":\"abc\","
                + "\"changed_at\":\"2026-11-23T10:00:00Z\",\"status\":\"revoked\",\"new_field\":true}}";

        EventEnvelope read = EventJson.read(json);

        assertThat(read.payloadAs(CredentialChanged.class).status()).isEqualTo("revoked");
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("not json"))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }
}

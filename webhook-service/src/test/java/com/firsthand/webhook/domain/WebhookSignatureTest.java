package com.firsthand.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Our signatures checked by the official Standard Webhooks Java library (com.standardwebhooks 1.1.0). */
class WebhookSignatureTest {

    @Test
    void secretsAreWhsecPrefixedBase64Of32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @RepeatedTest(20)
    void theOfficialVerifierAcceptsEverySignature() throws Exception {
        String secret = WebhookSignature.newSecret();
        String id = "evt_" + System.nanoTime();
        long timestamp = Instant.now().getEpochSecond();
        String body = "{\"id\":\"" + id + "\",\"object\":\"event\","
                + "\"data\":{\"object\":{\"text\":\"é ✓ \\\"q\\\"\"}}}";
        String signature = WebhookSignature.header(List.of(secret), id, timestamp, body);
        new Webhook(secret).verify(body, headers(id, timestamp, signature));
        assertThat(signature).isEqualTo(new Webhook(secret).sign(id, timestamp, body));
    }

    @Test
    void duringRotationBothSecretsVerifyAndATamperedBodyDoesNot() throws Exception {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        long timestamp = Instant.now().getEpochSecond();
        String body = "{\"a\":1}";
        String header = WebhookSignature.header(List.of(current, previous), "evt_1", timestamp, body);
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(current).verify(body, headers("evt_1", timestamp, header));
        new Webhook(previous).verify(body, headers("evt_1", timestamp, header));
        assertThatThrownBy(() -> new Webhook(WebhookSignature.newSecret())
                .verify(body, headers("evt_1", timestamp, header))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(current).verify("{\"a\":2}", headers("evt_1", timestamp, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}

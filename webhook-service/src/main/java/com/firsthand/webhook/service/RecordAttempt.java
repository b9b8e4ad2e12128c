package com.firsthand.webhook.service;

import com.firsthand.webhook.config.WebhooksConfig;
import com.firsthand.webhook.delivery.AttemptResult;
import com.firsthand.webhook.domain.RetryPolicy;
import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.repository.DeliveryAttemptRepository;
import com.firsthand.webhook.repository.DeliveryAttemptRepository.AttemptRow;
import com.firsthand.webhook.repository.DeliveryRepository;
import com.firsthand.webhook.repository.DeliveryRepository.Claimed;
import com.firsthand.webhook.repository.WebhookEndpointRepository;
import com.firsthand.common.ids.Ids;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies the result of one attempt: logs it, and succeeds the delivery, schedules its retry or gives up; a 410
 * or an endpoint failing for longer than disable-after disables the endpoint.
 */
@ApplicationScoped
public class RecordAttempt {

    /** Attempts by outcome: the failure rate operators alert on (k8s PrometheusRule). */
    public static final String ATTEMPTS_METRIC = "firsthand.webhooks.attempts";

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final WebhookEndpointRepository endpoints;
    private final DisableEndpoint disableEndpoint;
    private final RetryPolicy policy;
    private final Duration disableAfter;
    private final Clock clock;
    private final Counter succeededAttempts;
    private final Counter failedAttempts;

    public RecordAttempt(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
            WebhookEndpointRepository endpoints, DisableEndpoint disableEndpoint, WebhooksConfig config,
            Clock clock, MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.endpoints = endpoints;
        this.disableEndpoint = disableEndpoint;
        this.policy = new RetryPolicy(config.retrySchedule(), config.jitter(), config.retryAfterMax());
        this.disableAfter = config.disableAfter();
        this.clock = clock;
        this.succeededAttempts = metrics.counter(ATTEMPTS_METRIC, "outcome", "succeeded");
        this.failedAttempts = metrics.counter(ATTEMPTS_METRIC, "outcome", "failed");
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Claimed delivery, AttemptResult result, Instant attemptedAt) {
        WebhookEndpoint endpoint = endpoints.lockById(delivery.endpointId()).orElse(null);
        if (endpoint == null) {
            return;
        }
        Instant now = clock.instant();
        int attempt = delivery.attemptsMade() + 1;
        String status;
        Instant next = null;
        if (result.succeeded()) {
            status = DeliveryRepository.SUCCEEDED;
            endpoint.failingSince = null;
        } else if (result.gone()) {
            status = DeliveryRepository.FAILED;
            disableEndpoint.disable(endpoint, "The endpoint answered 410 Gone.", now);
        } else {
            if (endpoint.failingSince == null) {
                endpoint.failingSince = attemptedAt;
            }
            Optional<Duration> delay = policy.nextDelay(attempt, result.retryAfter(), ThreadLocalRandom.current());
            status = delay.isPresent() ? DeliveryRepository.PENDING : DeliveryRepository.FAILED;
            next = delay.map(now::plus).orElse(null);
            if (endpoint.isEnabled() && !attemptedAt.isBefore(endpoint.failingSince.plus(disableAfter))) {
                disableEndpoint.disable(endpoint, "Every delivery failed since " + endpoint.failingSince + ".", now);
                status = DeliveryRepository.FAILED;
                next = null;
            }
        }
        if (deliveries.recordAttempt(delivery.id(), status, next, now)) {
            (result.succeeded() ? succeededAttempts : failedAttempts).increment();
            attempts.insert(new AttemptRow(Ids.next(Ids.DELIVERY_ATTEMPT), delivery.id(), delivery.eventId(), null,
                    delivery.endpointId(), attempt, attemptedAt, result.status(), result.durationMillis(),
                    result.responseExcerpt(), result.error(), next));
        }
    }
}

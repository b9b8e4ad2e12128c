package com.firsthand.scoring.health;

import com.firsthand.scoring.service.ProviderState;
import com.firsthand.scoring.service.Scorer;
import com.firsthand.scoring.service.ScoringBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the scorer's state in the readiness report. It stays UP while the provider's breaker is open: the replica
 * still takes uploads and serves usage, and tasks wait in the table until the provider is back.
 */
@Readiness
@ApplicationScoped
public class ProviderReadinessCheck implements HealthCheck {

    private final Scorer scorer;
    private final ScoringBacklog backlog;

    public ProviderReadinessCheck(Scorer scorer, ScoringBacklog backlog) {
        this.scorer = scorer;
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scoring").up()
                .withData("scorer", scorer.name())
                .withData("tasks_waiting", backlog.waiting().tasks())
                .withData("oldest_waiting_seconds", Math.round(backlog.waiting().oldestSeconds()));
        if (scorer.providerState().isPresent()) {
            ProviderState provider = scorer.providerState().get();
            response.withData("provider_breaker", provider.breaker())
                    .withData("provider_in_flight", provider.inFlight())
                    .withData("provider_concurrency_limit", provider.concurrencyLimit())
                    .withData("provider_calls_waiting", provider.waiting())
                    .withData("provider_throttled", provider.throttled());
        }
        return response.build();
    }
}

package com.firsthand.submissions.repository;

import com.firsthand.common.signals.PostgresSignals;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wakes a worker's waiting event long-polls, on every replica, when its feed grows: keyed by worker id, signalled
 * in the transaction that appends the event.
 */
@Singleton
public class WorkerEventSignals extends PostgresSignals {

    static final String CHANNEL = "worker_events";

    public WorkerEventSignals(AgroalDataSource dataSource, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        super(CHANNEL, dataSource, url, user, password);
        Gauge.builder("firsthand.submissions.worker_event_polls.waiting", this, WorkerEventSignals::waiting)
                .description("Worker event long-polls waiting for an event").register(metrics);
    }
}

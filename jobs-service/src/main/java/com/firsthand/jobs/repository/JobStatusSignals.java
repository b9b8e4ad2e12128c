package com.firsthand.jobs.repository;

import com.firsthand.common.signals.PostgresSignals;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells waiting long-polls that a job's status changed, on every replica: keyed by job id, signalled in the
 * transaction that changes the status.
 */
@Singleton
public class JobStatusSignals extends PostgresSignals {

    static final String CHANNEL = "job_status";

    public JobStatusSignals(AgroalDataSource dataSource, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        super(CHANNEL, dataSource, url, user, password);
        Gauge.builder("firsthand.jobs.long_polls.waiting", this, JobStatusSignals::waiting)
                .description("Long-polls waiting for a job status change").register(metrics);
    }
}

package com.firsthand.launcher;

import com.firsthand.infra.LocalInfrastructure;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts PostgreSQL or Kafka again when its process dies, as Kubernetes would restart a crashed pod: the
 * services ride out the gap (their consumers and outbox relays retry) and carry on with the same data.
 */
final class InfrastructureSupervisor implements AutoCloseable {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration BACKENDS_EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final LocalInfrastructure infrastructure;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "infrastructure-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    private InfrastructureSupervisor(LocalInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    static InfrastructureSupervisor watch(LocalInfrastructure infrastructure) {
        InfrastructureSupervisor supervisor = new InfrastructureSupervisor(infrastructure);
        supervisor.checks.scheduleWithFixedDelay(supervisor::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return supervisor;
    }

    private void check() {
        if (!closed && !infrastructure.postgres().isRunning()) {
            restart("PostgreSQL", () -> infrastructure.postgres().recover(BACKENDS_EXIT_TIMEOUT));
        }
        if (!closed && !infrastructure.kafka().isRunning()) {
            restart("Kafka", infrastructure.kafka()::start);
        }
    }

    private void restart(String what, Runnable start) {
        System.out.println("  " + what + " exited unexpectedly; starting it again");
        try {
            start.run();
            System.out.println("  " + what + " is back");
        } catch (RuntimeException e) {
            System.out.println("  " + what + " did not start (" + e.getMessage() + "); trying again");
        }
    }

    /** Stops watching; waits for a restart in progress, so that a shutdown does not race it. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        checks.shutdown();
        checks.awaitTermination(2, TimeUnit.MINUTES);
    }
}

package com.firsthand.jobs.repository;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells waiting long-polls that a job's status changed, on every replica: a status change sends
 * {@code NOTIFY job_status} in its own transaction (delivered only on commit), and each replica LISTENs on one
 * dedicated connection and completes the futures of that job's waiters. Waiters hold no thread.
 */
@ApplicationScoped
public class JobStatusSignals {

    static final String CHANNEL = "job_status";
    private static final Logger LOG = Logger.getLogger(JobStatusSignals.class);

    private final AgroalDataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    /** The waiters that have read their job and are now waiting: what {@link #waiting()} counts. */
    private final Set<CompletableFuture<Void>> parked = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread listener;

    public JobStatusSignals(AgroalDataSource dataSource, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.dataSource = dataSource;
        Gauge.builder("firsthand.jobs.long_polls.waiting", this, JobStatusSignals::waiting)
                .description("Long-polls waiting for a job status change").register(metrics);
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "job-status-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Sends the signal; call inside the transaction that changes the status. */
    public void signal(String jobId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            s.setString(1, jobId);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot signal job status", e);
        }
    }

    /**
     * A future completed at the next status change of the job (on any replica). Take it before reading the job, so
     * that no change after the read goes unseen; call {@link #parked} once the read says to wait; cancel it when
     * done.
     */
    public CompletableFuture<Void> next(String jobId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(future);
        future.whenComplete((ignored, error) -> waiters.computeIfPresent(jobId, (id, set) -> {
            set.remove(future);
            return set.isEmpty() ? null : set;
        }));
        return future;
    }

    /** The waiter of {@link #next} has read its job and now waits for the change: it counts in {@link #waiting}. */
    public void parked(CompletableFuture<Void> future) {
        parked.add(future);
        // Runs at once if the future is already done, so a completed waiter never stays counted.
        future.whenComplete((ignored, error) -> parked.remove(future));
    }

    /** Long-polls waiting for a change after reading their job (not those still reading it). */
    public int waiting() {
        return parked.size();
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Job status listener lost its connection, reconnecting: %s", e.getMessage());
                    wakeAll();
                    pause();
                }
            }
        }
    }

    private void wake(String jobId) {
        Set<CompletableFuture<Void>> futures = waiters.remove(jobId);
        if (futures != null) {
            futures.forEach(future -> future.complete(null));
        }
    }

    /** After a lost connection a change may have gone unseen: let every waiter re-read its job. */
    private void wakeAll() {
        waiters.keySet().forEach(this::wake);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

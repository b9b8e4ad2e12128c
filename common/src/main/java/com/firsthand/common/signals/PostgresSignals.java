package com.firsthand.common.signals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes waiting long-polls on every replica: a change sends {@code NOTIFY channel, key} inside its own transaction
 * (PostgreSQL delivers it only on commit), and each replica LISTENs on one dedicated connection and completes the
 * futures waiting on that key. Waiters hold no thread. A service's bean extends it with its channel; the listener
 * runs from startup to shutdown.
 */
public abstract class PostgresSignals {

    private static final Logger LOG = Logger.getLogger(PostgresSignals.class);

    private final String channel;
    private final AgroalDataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, Set<CompletableFuture<Void>>> waiters = new ConcurrentHashMap<>();
    /** The waiters that have read their state and are now waiting: what {@link #waiting()} counts. */
    private final Set<CompletableFuture<Void>> parked = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread listener;

    /** @param channel a plain SQL identifier (it is written into LISTEN as is) */
    protected PostgresSignals(String channel, AgroalDataSource dataSource, String url, String user, String password) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel must be a plain identifier: " + channel);
        }
        this.channel = channel;
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public void onStart(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, channel + "-listener");
        listener.setDaemon(true);
        listener.start();
    }

    public void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Sends the signal; call inside the transaction that makes the change. */
    public void signal(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + channel + "', ?)")) {
            s.setString(1, key);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot signal " + channel, e);
        }
    }

    /**
     * A future completed at the next signal for the key (from any replica). Take it before reading the state, so
     * that no change after the read goes unseen; call {@link #parked} once the read says to wait; cancel it when
     * done.
     */
    public CompletableFuture<Void> next(String key) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(future);
        future.whenComplete((ignored, error) -> waiters.computeIfPresent(key, (k, set) -> {
            set.remove(future);
            return set.isEmpty() ? null : set;
        }));
        return future;
    }

    /** The waiter of {@link #next} has read its state and now waits: it counts in {@link #waiting}. */
    public void parked(CompletableFuture<Void> future) {
        parked.add(future);
        // Runs at once if the future is already done, so a completed waiter never stays counted.
        future.whenComplete((ignored, error) -> parked.remove(future));
    }

    /** Long-polls waiting for a change after reading their state (not those still reading it). */
    public int waiting() {
        return parked.size();
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
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
                    LOG.warnf("Listener on %s lost its connection, reconnecting: %s", channel, e.getMessage());
                    wakeAll();
                    pause();
                }
            }
        }
    }

    private void wake(String key) {
        Set<CompletableFuture<Void>> futures = waiters.remove(key);
        if (futures != null) {
            futures.forEach(future -> future.complete(null));
        }
    }

    /** After a lost connection a change may have gone unseen: let every waiter read its state again. */
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

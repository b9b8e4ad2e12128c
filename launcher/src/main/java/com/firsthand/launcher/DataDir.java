package com.firsthand.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The data directory: creation, reset, generated secrets and the log folder. */
final class DataDir {

    /** Entries only a FirstHand data directory has: --reset refuses to delete a directory without one. */
    private static final List<String> MARKERS = List.of("admin-token", "cursor-secret", "postgres", "kafka", "logs");

    private static final String LOCK_FILE = "launcher.lock";

    /** Held for the life of the JVM; the operating system releases the lock when this process ends. */
    private static FileChannel lockChannel;

    private final Path dir;

    DataDir(Path dir) {
        this.dir = dir;
    }

    /** Two launchers must never share PostgreSQL's or Kafka's files: the second one stops here. */
    void lock() {
        Path lockFile = dir.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalStateException("another launcher is already running with " + dir
                        + " (stop it with Ctrl-C, or choose another --data-dir)");
            }
            lockChannel = channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    void create() {
        try {
            Files.createDirectories(dir.resolve("logs"));
            // Kafka and S3Proxy write their logs in their own folders (fh-infra); show them next to the others.
            link("kafka.log", Path.of("..", "kafka", "kafka.log"));
            link("s3proxy.log", Path.of("..", "s3", "s3proxy.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    /** Deletes everything in the directory but the lock file, which this launcher holds. */
    void deleteContents() {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals(LOCK_FILE)).toList();
            if (!names.isEmpty() && names.stream().noneMatch(MARKERS::contains)) {
                throw new IllegalStateException("--reset refuses to delete " + dir
                        + ": it does not look like a FirstHand data directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir) && !path.equals(dir.resolve(LOCK_FILE))) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Reads the secret stored in {@code name}, generating it (readable by the owner only) the first time. */
    String secret(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            ownerOnly(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the file keeps the default permissions.
        }
    }

    private void link(String name, Path target) throws IOException {
        Path link = dir.resolve("logs").resolve(name);
        if (Files.isSymbolicLink(link) || Files.exists(link)) {
            return;
        }
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // Symbolic links are a convenience only.
        }
    }
}

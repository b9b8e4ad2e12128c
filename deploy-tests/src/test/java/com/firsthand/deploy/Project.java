package com.firsthand.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository under test and the FirstHand services it deploys. */
final class Project {

    static final List<String> SERVICE_NAMES =
            List.of("jobs-service", "submissions-service", "scoring-service", "webhook-service");

    private Project() {
    }

    static Path root() {
        String dir = System.getProperty("fh.project.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The Java source files below a folder of the project (e.g. {@code "common/src/main/java"}). */
    static List<Path> javaFiles(String relative) {
        try (Stream<Path> files = Files.walk(path(relative))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + relative, e);
        }
    }

    static List<ServiceFacts> services() {
        return SERVICE_NAMES.stream().map(ServiceFacts::read).toList();
    }

    static ServiceFacts service(String name) {
        return ServiceFacts.read(name);
    }
}

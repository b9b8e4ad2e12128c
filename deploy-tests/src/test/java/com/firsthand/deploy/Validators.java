package com.firsthand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Node.js schema validators of src/test/node, installed with {@code npm ci} from the committed lock file
 * into target/node (once per lock file content).
 */
final class Validators {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    private Validators() {
    }

    /** {"valid": bool, "errors": [...], "interpolated": the file as docker compose reads it}. */
    static JsonNode compose(Path composeFile) {
        return compose(composeFile, java.util.Map.of());
    }

    /** As above, with these variables set (as a .env file would). */
    static JsonNode compose(Path composeFile, java.util.Map<String, String> environment) {
        List<String> arguments = new ArrayList<>(List.of(composeFile.toString()));
        environment.forEach((name, value) -> arguments.add(name + "=" + value));
        return node("validate-compose.mjs", arguments);
    }

    /** One {apiVersion, kind, name, status: valid|invalid|skipped, errors} per object of the files. */
    static JsonNode kubernetes(List<Path> manifests) {
        return node("validate-k8s.mjs", manifests.stream().map(Path::toString).toList());
    }

    /** The directory of an installed npm package of src/test/node (e.g. {@code @kubernetes-models/keda}). */
    static Path installedPackage(String name) {
        return install().resolve("node_modules").resolve(name);
    }

    private static JsonNode node(String script, List<String> arguments) {
        Path dir = install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        String output = Processes.output(dir, Duration.ofSeconds(60), command);
        try {
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new AssertionError(script + " printed no JSON: " + output, e);
        }
    }

    private static synchronized Path install() {
        Path sources = Path.of(System.getProperty("fh.node.sources", "src/test/node"));
        Path dir = Path.of(System.getProperty("fh.node.dir", "target/node"));
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(sources)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (installed) {
                return dir;
            }
            Path stamp = dir.resolve("node_modules").resolve(".firsthand-lock-sha256");
            String lock = sha256(Files.readAllBytes(dir.resolve("package-lock.json")));
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(lock)) {
                Processes.output(dir, Duration.ofMinutes(5),
                        List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"));
                Files.writeString(stamp, lock);
            }
            installed = true;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

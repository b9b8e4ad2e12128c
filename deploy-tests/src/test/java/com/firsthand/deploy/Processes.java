package com.firsthand.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the external tools the checks need (kubectl, node, npm); a missing tool fails with what to install. */
final class Processes {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Processes() {
    }

    static Result run(Path workingDir, Duration timeout, List<String> command) {
        return run(workingDir, timeout, command, Map.of());
    }

    /** As above, with these variables added to (or replacing those of) the inherited environment. */
    static Result run(Path workingDir, Duration timeout, List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("fh-deploy-out", ".txt");
            Path err = Files.createTempFile("fh-deploy-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + " (" + e.getMessage() + "). The deployment "
                    + "checks need kubectl 1.27+ and Node.js 20+ with npm on the PATH (see docs/deploy.md).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs the command and returns its standard output, failing with its error output when it fails. */
    static String output(Path workingDir, Duration timeout, List<String> command) {
        Result result = run(workingDir, timeout, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with exit code " + result.exitCode()
                    + ":\n" + result.stderr() + result.stdout());
        }
        return result.stdout();
    }
}

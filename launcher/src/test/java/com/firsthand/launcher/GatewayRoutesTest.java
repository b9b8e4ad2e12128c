package com.firsthand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.launcher.GatewayRoutes.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayRoutesTest {

    private final GatewayRoutes routes = GatewayRoutes.of(new Backend("jobs", 1), new Backend("submissions", 2),
            new Backend("scoring", 3), new Backend("webhooks", 4));

    @ParameterizedTest
    @CsvSource({
        "/admin, jobs",
        "/admin/organizations, jobs",
        "/admin/workers/wkr_1/suspend, jobs",
        "/v1/jobs, jobs",
        "/v1/jobs/job_123, jobs",
        "/v1/jobs/job_123/cancel, jobs",
        "/v1/jobs/job_123/files, submissions",
        "/v1/jobs/job_123/submissions, submissions",
        "/v1/jobs/job_123/rate, jobs",
        "/v1/worker, submissions",
        "/v1/worker/assignments/next, submissions",
        "/v1/submissions, submissions",
        "/v1/submissions/sub_1/files, submissions",
        "/v1/usage, scoring",
        "/v1/usage/summary, scoring",
        "/v1/webhook_endpoints, webhooks",
        "/v1/webhook_endpoints/we_1/rotate_secret, webhooks",
        "/v1/events, webhooks",
        "/v1/events/evt_1, webhooks",
    })
    void sendsEachPathToTheServiceOwningIt(String path, String service) {
        assertThat(routes.route(path)).map(Backend::name).contains(service);
    }

    @Test
    void backendKeepsItsPort() {
        assertThat(routes.route("/v1/usage")).contains(new Backend("scoring", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/", "", "/v1", "/v1/", "/v1/jobsearch", "/v1/job", "/administrator", "/v1/workers", "/v1/usages",
        "/v1/eventsx", "/q/health", "v1/jobs", "/V1/jobs",
        "/v1/jobs/../admin", "/v1/usage/%2e%2e/jobs", "/v1/usage/%2E%2E/jobs", "/v1/jobs/./x", "/v1/events/.."
    })
    void hasNoRouteForOtherPaths(String path) {
        assertThat(routes.route(path)).isEmpty();
    }

    @Test
    void hasNoRouteForNull() {
        assertThat(routes.route(null)).isEmpty();
    }
}

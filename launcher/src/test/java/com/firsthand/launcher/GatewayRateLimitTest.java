package com.firsthand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.launcher.GatewayRoutes.Backend;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests without credentials are limited per client address at the gateway; authenticated ones pass. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class GatewayRateLimitTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The limiter's clock: it moves only when the test says, so the refill does not depend on the machine's speed. */
    private final AtomicLong nanos = new AtomicLong();
    private HttpServer backend;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        backend.start();
        Backend jobs = new Backend("jobs", backend.getAddress().getPort());
        // One request a second after a burst of two (what UnauthenticatedRateLimit.of(1) makes), on the test's clock.
        gateway = Gateway.start("127.0.0.1", 0, GatewayRoutes.of(jobs, jobs, jobs, jobs),
                new UnauthenticatedRateLimit(1, 2, nanos::get));
    }

    @AfterEach
    void stop() {
        gateway.close();
        backend.stop(0);
    }

    @Test
    void aBurstWithoutCredentialsFromOneAddressGets429InTheErrorFormatWhileAuthenticatedCallsPass() throws Exception {
        int passed = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url()).GET().build());
            if (response.statusCode() == 200) {
                passed++;
            } else {
                refused = response;
            }
        }
        assertThat(passed).as("the burst").isEqualTo(2);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = new ObjectMapper().readTree(refused.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.get("code").asText()).isEqualTo("rate_limited");
        assertThat(error.has("param")).isTrue();

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(send(HttpRequest.newBuilder(url()).GET().build()).statusCode()).as("a second's refill")
                .isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url()).GET().build()).statusCode()).as("beyond it").isEqualTo(429);

        for (int i = 0; i < 10; i++) {
            assertThat(send(HttpRequest.newBuilder(url()).header("Authorization", "Bearer fh_live_x").GET().build())
                    .statusCode()).as("authenticated request " + i).isEqualTo(200);
        }
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/v1/jobs");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

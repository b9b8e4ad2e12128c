package com.firsthand.scoring.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local server speaking the OpenAI wire format, for scoring-service started with scorer=openai. */
public class ProviderStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("firsthand.scoring.llm.url", server.baseUrl() + "/v1");
    }

    @Override
    public void stop() {
        server.stop();
    }
}

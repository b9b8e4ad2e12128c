package com.firsthand.scoring.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A provider stub on a free local port for a test class that builds its scorers itself, reset before each test. */
abstract class WireMockProvider {

    static WireMockServer provider;

    @BeforeAll
    static void startProvider() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void resetProvider() {
        provider.resetAll();
    }
}

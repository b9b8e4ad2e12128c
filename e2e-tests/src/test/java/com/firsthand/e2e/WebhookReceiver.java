package com.firsthand.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A buyer's webhook endpoint on loopback: verifies every delivery with the official Standard Webhooks library
 * before accepting it, as a careful receiver would, and keeps what it accepted.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(String webhookId, JsonNode event) {
    }

    private final HttpServer server;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile Webhook verifier;
    private volatile Consumer<Delivery> listener = delivery -> {
    };

    public WebhookReceiver() throws IOException {
        this(0);
    }

    /** On a given port: a receiver that comes back after an outage at the same URL. */
    public WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            try {
                verifier.verify(body, Map.copyOf(exchange.getRequestHeaders()));
                Delivery delivery = new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                        Api.JSON.readTree(body));
                accepted.add(delivery);
                listener.accept(delivery);
                status = 204;
            } catch (Exception e) {
                refused.add(e + ": " + body);
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public void trust(String secret) {
        verifier = new Webhook(secret);
    }

    /** Called on the receiving thread for every verified delivery, as it is accepted (benchmarks time it). */
    public void onAccepted(Consumer<Delivery> listener) {
        this.listener = listener;
    }

    public List<Delivery> accepted() {
        return new ArrayList<>(accepted);
    }

    public List<String> refused() {
        return new ArrayList<>(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

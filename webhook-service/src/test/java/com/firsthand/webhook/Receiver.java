package com.firsthand.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real HTTP webhook receiver on loopback that records every request and answers as it is told. */
public final class Receiver implements AutoCloseable {

    /** One received request. */
    public record Received(long nanos, String id, String timestamp, String signature, String body,
            Map<String, List<String>> headers) {
    }

    /** An answer: status, optional Retry-After, and a delay before answering (a hanging receiver). */
    public record Answer(int status, String retryAfter, long delayMillis) {
        public static Answer ok() {
            return new Answer(200, null, 0);
        }

        public static Answer status(int status) {
            return new Answer(status, null, 0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers;

    private Receiver(int port, Function<Received, Answer> answers) {
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public static Receiver start(Function<Received, Answer> answers) {
        return new Receiver(0, answers);
    }

    public static Receiver startOn(int port, Function<Received, Answer> answers) {
        return new Receiver(port, answers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        Received request = new Received(now, exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, headers);
        received.add(request);
        Answer answer = answers.apply(request);
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] reply = ("{\"received\":true,\"status\":" + answer.status() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), reply.length);
            exchange.getResponseBody().write(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender gave up (timeout)
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

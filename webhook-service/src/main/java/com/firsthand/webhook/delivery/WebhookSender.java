package com.firsthand.webhook.delivery;

import com.firsthand.webhook.config.WebhooksConfig;
import com.firsthand.webhook.domain.TargetPolicy;
import com.firsthand.webhook.domain.WebhookSignature;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one signed webhook request. Redirects are not followed (a 3xx is a failure), no proxy is used, and
 * unless private targets are allowed every connection re-checks the resolved address.
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT_BYTES = 1024;
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final Clock clock;

    @Inject
    public WebhookSender(WebhooksConfig config, TargetPolicy policy, Clock clock) {
        this(client(policy, config.attemptTimeout()), clock);
    }

    WebhookSender(OkHttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public static OkHttpClient client(TargetPolicy policy, Duration timeout) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dns(new GuardedDns(Dns.SYSTEM, policy))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout);
        if (!policy.allowPrivate()) {
            builder.socketFactory(new GuardedSocketFactory(policy));
        }
        return builder.build();
    }

    /** Posts the event body to the URL, signed with every given secret. */
    public AttemptResult send(String url, String eventId, String body, List<String> secrets) {
        long timestamp = clock.instant().getEpochSecond();
        long start = System.nanoTime();
        Request request;
        try {
            request = new Request.Builder().url(url)
                    .header("webhook-id", eventId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(secrets, eventId, timestamp, body))
                    .header("User-Agent", "FirstHand-Webhooks/1.0")
                    .post(RequestBody.create(body, JSON))
                    .build();
        } catch (IllegalArgumentException e) {
            return new AttemptResult(null, null, "invalid URL: " + e.getMessage(), 0, Optional.empty());
        }
        try (Response response = client.newCall(request).execute()) {
            String excerpt = response.peekBody(EXCERPT_BYTES).string();
            return new AttemptResult(response.code(), excerpt, null, millisSince(start),
                    RetryAfter.parse(response.header("Retry-After"), clock.instant()));
        } catch (InterruptedIOException e) {
            return new AttemptResult(null, null, "timeout: " + message(e), millisSince(start), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new AttemptResult(null, null, message(e), millisSince(start), Optional.empty());
        }
    }

    private static String message(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @PreDestroy
    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}

package com.firsthand.scoring.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.firsthand.scoring.config.ScoringConfig;
import com.firsthand.scoring.domain.Check;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import com.firsthand.scoring.service.LocalScorer;
import com.firsthand.scoring.service.Scorer;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A vision model asked for {rating, reasoning} with the job description, the image and a rubric. Retries 429, 5xx,
 * timeouts and malformed answers with backoff and jitter, honouring Retry-After; a refusal is final. Files that are
 * not images go to the local basic check, since the rubric is about what can be seen.
 */
abstract class LlmScorer implements Scorer {

    static final String RUBRIC = """
            You rate one file submitted by a worker for a content-collection job, from 1 to 5 stars.
            5: exactly what the job asks, excellent quality. 4: matches the job, minor flaws.
            3: acceptable and usable. 2: only partly matches the job, or poor quality. 1: does not match or is unusable.
            Judge only what you can see. Give reasoning in one or two sentences the worker can act on.
            Answer with JSON only: {"rating": <1-5>, "reasoning": "<text>"}.""";

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(30);

    private final ScoringConfig.Llm config;
    private final LocalScorer local;
    private final RetryPolicy<RatingAnswer> retry;

    LlmScorer(ScoringConfig.Llm config, LocalScorer local) {
        this.config = config;
        this.local = local;
        this.retry = RetryPolicy.<RatingAnswer>builder()
                .handleIf(e -> e instanceof ProviderException p && p.retryable())
                .withMaxRetries(config.maxRetries())
                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(20)).withJitter(0.2)
                .withDelayFnOn(ctx -> providerWait(ctx.getLastException()), ProviderException.class)
                .build();
    }

    /** Sends one request; throws ProviderException when no usable answer came back. */
    abstract RatingAnswer ask(JobRequirements job, String jpegBase64);

    @Override
    public Verdict score(FileFacts file, JobRequirements job, List<Check> earlier) throws ScorerUnavailableException {
        if (!file.isImage()) {
            return local.score(file, job, earlier);
        }
        String image = jpegBase64(file);
        try {
            RatingAnswer answer = Failsafe.with(retry).get(() -> call(job, image));
            List<Check> checks = new ArrayList<>(earlier);
            checks.add(Check.passed("ai_rating", name() + " " + model()));
            return new Verdict(answer.rating(), answer.reasoning(), false, name(), checks);
        } catch (ProviderException e) {
            throw new ScorerUnavailableException(e.getMessage(), e.retryable());
        } catch (FailsafeException e) {
            throw new ScorerUnavailableException(String.valueOf(e.getCause()), true);
        }
    }

    String model() {
        return config.model().orElseThrow();
    }

    int maxTokens() {
        return config.maxTokens();
    }

    static String jobText(JobRequirements job) {
        return "Job type: " + job.type() + "\nJob description: " + job.description();
    }

    private RatingAnswer call(JobRequirements job, String image) {
        try {
            return ask(job, image);
        } catch (WebApplicationException e) {
            throw fromStatus(e.getResponse());
        } catch (ProcessingException e) {
            throw ProviderException.transientFailure("no answer: " + e.getMessage());
        }
    }

    static ProviderException fromStatus(Response response) {
        int status = response.getStatus();
        if (status == 429 || status >= 500) {
            return new ProviderException("HTTP " + status, true, retryAfter(response.getHeaderString("Retry-After")));
        }
        return ProviderException.refused("HTTP " + status + " (check the model name and API key)");
    }

    /** Failsafe falls back to the backoff when the delay function answers a negative duration. */
    private static Duration providerWait(Throwable failure) {
        Duration wait = ((ProviderException) failure).retryAfter();
        return wait == null ? Duration.ofMillis(-1) : wait;
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String jpegBase64(FileFacts file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(file.preview(), "jpeg", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the preview", e);
        }
    }
}

package com.firsthand.scoring.service;

import com.firsthand.scoring.domain.Check;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Rates a file that passed the pre-scoring checks. Implementations: local, OpenAI-compatible, Anthropic. */
public interface Scorer {

    String name();

    /**
     * @param earlier the checks already passed, carried into the verdict
     * @throws ScorerUnavailableException when no rating could be obtained now; the task is retried later
     */
    Verdict score(FileFacts file, JobRequirements job, List<Check> earlier) throws ScorerUnavailableException;

    /**
     * The same without waiting: a provider-backed scorer holds no thread while its call is out. Fails with
     * {@link ScorerUnavailableException}.
     */
    default CompletionStage<Verdict> scoreAsync(FileFacts file, JobRequirements job, List<Check> earlier) {
        try {
            return CompletableFuture.completedFuture(score(file, job, earlier));
        } catch (ScorerUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** False while the scorer cannot take more work now (its provider's circuit breaker is open). */
    default boolean accepting() {
        return true;
    }

    /** The provider's limits and health as this replica sees them; empty for the local scorer. */
    default Optional<ProviderState> providerState() {
        return Optional.empty();
    }

    default void bindMetrics(MeterRegistry registry) {
    }

    class ScorerUnavailableException extends Exception {

        private final boolean worthRetrying;

        public ScorerUnavailableException(String message, boolean worthRetrying) {
            super(message);
            this.worthRetrying = worthRetrying;
        }

        /** False when asking again cannot help (the provider refused this content). */
        public boolean worthRetrying() {
            return worthRetrying;
        }
    }
}

package com.firsthand.scoring.service;

import com.firsthand.scoring.domain.Check;
import com.firsthand.scoring.domain.FileFacts;
import com.firsthand.scoring.domain.JobRequirements;
import com.firsthand.scoring.domain.Verdict;
import java.util.List;

/** Rates a file that passed the pre-scoring checks. Implementations: local, OpenAI-compatible, Anthropic. */
public interface Scorer {

    String name();

    /**
     * @param earlier the checks already passed, carried into the verdict
     * @throws ScorerUnavailableException when no rating could be obtained now; the task is retried later
     */
    Verdict score(FileFacts file, JobRequirements job, List<Check> earlier) throws ScorerUnavailableException;

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

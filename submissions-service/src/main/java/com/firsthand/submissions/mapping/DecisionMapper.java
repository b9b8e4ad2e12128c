package com.firsthand.submissions.mapping;

import com.firsthand.submissions.domain.SubmissionDecision;
import com.firsthand.submissions.rest.model.DecisionResponse;

public final class DecisionMapper {

    private DecisionMapper() {
    }

    public static DecisionResponse toResponse(SubmissionDecision decision) {
        return new DecisionResponse("submission_decision", decision.id, decision.submissionId, decision.sequence,
                decision.decidedBy, decision.scorer, decision.model, decision.rubricVersion, decision.credentialId,
                decision.stars, decision.reasoning, decision.outcome, decision.decidedAt);
    }
}

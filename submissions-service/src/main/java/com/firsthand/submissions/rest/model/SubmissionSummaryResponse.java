package com.firsthand.submissions.rest.model;

import java.util.List;

public record SubmissionSummaryResponse(String object, long totalSubmissions, long approved, long rejected,
        Double approvalRate, Double avgAiStarRating, List<ByType> byType) {

    public record ByType(String type, long total, long approved, Double avgAiStarRating) {
    }
}

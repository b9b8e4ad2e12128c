package com.firsthand.scoring.rest.model;

import java.time.Instant;

/** AI scoring credits an organisation used in a period; pre-scoring rejections cost nothing. */
public record UsageResponse(String object, long creditsUsed, long submissionsScored, Instant startDate,
        Instant endDate) {
}

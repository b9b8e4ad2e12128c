package com.firsthand.scoring.rest;

import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.paging.DateWindow;
import com.firsthand.scoring.repository.CreditLedgerRepository;
import com.firsthand.scoring.repository.ScoreRepository;
import com.firsthand.scoring.rest.model.UsageResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** GET /v1/usage: the organisation's scoring credit usage, by default over the last 30 days. */
@Path("/v1/usage")
@Authenticated(Audience.BUYER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage")
public class UsageResource {

    private final CreditLedgerRepository ledger;
    private final ScoreRepository scores;
    private final CallerContext caller;
    private final Clock clock;

    public UsageResource(CreditLedgerRepository ledger, ScoreRepository scores, CallerContext caller, Clock clock) {
        this.ledger = ledger;
        this.scores = scores;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "getUsage",
            summary = "Scoring credits, AI scores, provider tokens and local fallbacks of your organisation")
    public UsageResponse usage(@RestQuery("start_date") String startDate, @RestQuery("end_date") String endDate) {
        DateWindow window = DateWindow.of(startDate, endDate, clock);
        CreditLedgerRepository.Usage usage = ledger.usage(caller.orgId(), window.from(), window.to());
        ScoreRepository.ScoringUsage scoring = scores.usage(caller.orgId(), window.from(), window.to());
        return new UsageResponse("usage", usage.creditsUsed(), usage.submissionsScored(), scoring.aiScores(),
                scoring.inputTokens(), scoring.outputTokens(), scoring.localFallbacks(), window.from(), window.to());
    }
}

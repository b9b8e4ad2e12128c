package com.firsthand.scoring.rest;

import com.firsthand.common.api.ApiException;
import com.firsthand.common.auth.Audience;
import com.firsthand.common.auth.Authenticated;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.scoring.repository.CreditLedgerRepository;
import com.firsthand.scoring.rest.model.UsageResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
    private final CallerContext caller;
    private final Clock clock;

    public UsageResource(CreditLedgerRepository ledger, CallerContext caller, Clock clock) {
        this.ledger = ledger;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Scoring credits used by your organisation")
    public UsageResponse usage(@RestQuery("start_date") String startDate, @RestQuery("end_date") String endDate) {
        Instant end = endDate == null ? clock.instant() : parse("end_date", endDate);
        Instant start = startDate == null ? end.minus(Duration.ofDays(30)) : parse("start_date", startDate);
        if (!start.isBefore(end)) {
            throw ApiException.invalidParam("start_date", "start_date must be before end_date.");
        }
        CreditLedgerRepository.Usage usage = ledger.usage(caller.orgId(), start, end);
        return new UsageResponse("usage", usage.creditsUsed(), usage.submissionsScored(), start, end);
    }

    private static Instant parse(String param, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParam(param, param + " must be an ISO 8601 date-time, e.g. 2026-03-01T00:00:00Z.");
        }
    }
}

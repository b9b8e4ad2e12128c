package com.firsthand.jobs.rest;

import com.firsthand.common.api.PreferWait;
import com.firsthand.jobs.config.JobsConfig;
import com.firsthand.jobs.domain.Job;
import com.firsthand.jobs.mapping.JobMapper;
import com.firsthand.jobs.repository.JobStatusSignals;
import com.firsthand.jobs.service.JobQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * GET /v1/jobs/{id} with {@code Prefer: wait=N}: answers as soon as the job's status changes (on any replica,
 * see {@link JobStatusSignals}) or after N seconds with the job as it is. The wait holds a future, not a thread.
 */
@ApplicationScoped
public class JobLongPoll {

    private final JobQueries queries;
    private final JobStatusSignals signals;
    private final JobsConfig config;

    public JobLongPoll(JobQueries queries, JobStatusSignals signals, JobsConfig config) {
        this.queries = queries;
        this.signals = signals;
        this.config = config;
    }

    /** Must be called on a worker thread: the first read is a blocking query. */
    public Uni<Response> get(String orgId, String jobId, String prefer) {
        Integer requested = PreferWait.requested(prefer);
        CompletableFuture<Void> changed = requested == null || requested == 0 ? null : signals.next(jobId);
        Job job;
        try {
            job = read(orgId, jobId);
        } catch (RuntimeException e) {
            if (changed != null) {
                changed.cancel(false);
            }
            throw e;
        }
        if (changed == null || job.status.isFinal()) {
            if (changed != null) {
                changed.cancel(false);
            }
            return Uni.createFrom().item(respond(job, requested == null ? null : 0));
        }
        int wait = Math.min(requested, config.maxWait());
        signals.parked(changed);
        return Uni.createFrom().completionStage(changed)
                .ifNoItem().after(Duration.ofSeconds(wait)).recoverWithItem((Void) null)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> {
                    changed.cancel(false);
                    Job now = read(orgId, jobId);
                    return respond(now, wait);
                })
                // Completed, not cancelled: a cancelled future would fail the already cancelled Uni, logged as dropped.
                .onCancellation().invoke(() -> changed.complete(null));
    }

    private Job read(String orgId, String jobId) {
        return QuarkusTransaction.joiningExisting().call(() -> queries.get(orgId, jobId));
    }

    private static Response respond(Job job, Integer appliedWait) {
        Response.ResponseBuilder response = Response.ok(JobMapper.toResponse(job));
        if (appliedWait != null) {
            response.header(PreferWait.PREFERENCE_APPLIED, "wait=" + appliedWait);
        }
        return response.build();
    }
}

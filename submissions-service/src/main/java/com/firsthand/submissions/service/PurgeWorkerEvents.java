package com.firsthand.submissions.service;

import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.repository.WorkerEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deletes workers' events older than firsthand.submissions.worker-event-retention (30 days), in batches. */
@ApplicationScoped
public class PurgeWorkerEvents {

    private static final Logger LOG = Logger.getLogger(PurgeWorkerEvents.class);
    private static final int BATCH = 1_000;

    private final WorkerEventRepository feed;
    private final SubmissionsConfig config;
    private final Clock clock;

    public PurgeWorkerEvents(WorkerEventRepository feed, SubmissionsConfig config, Clock clock) {
        this.feed = feed;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${firsthand.submissions.worker-event-sweep:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        purgeCreatedBefore(clock.instant().minus(config.workerEventRetention()));
    }

    /** Returns how many events were deleted. */
    public int purgeCreatedBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> feed.deleteCreatedBefore(cutoff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("Deleted %d worker events created before %s", total, cutoff);
        }
        return total;
    }
}

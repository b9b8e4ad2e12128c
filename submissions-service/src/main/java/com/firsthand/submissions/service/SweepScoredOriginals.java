package com.firsthand.submissions.service;

import com.firsthand.submissions.config.StorageConfig;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.PreviewStore;
import com.firsthand.submissions.repository.SubmissionRepository;
import com.firsthand.submissions.repository.SubmissionRepository.StoredOriginal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Deletes quarantine originals past their use: an approved submission's once its copy is in the job folder (the
 * status and the copy commit together, and a redelivered score finds the submission no longer pending, so nothing
 * reads the original again), and a rejected submission's, with its preview, once it was scored longer ago than
 * {@code firsthand.storage.rejected-retention}. The row is marked, so the preview of such rejected work answers 410.
 * Deleting again is harmless, so instances running the sweep at once do no damage.
 */
@ApplicationScoped
public class SweepScoredOriginals {

    private static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(SweepScoredOriginals.class);

    private final FileStorage storage;
    private final SubmissionRepository submissions;
    private final StorageConfig config;
    private final Clock clock;
    private final Counter deleted;

    public SweepScoredOriginals(FileStorage storage, SubmissionRepository submissions, StorageConfig config,
            Clock clock, MeterRegistry metrics) {
        this.storage = storage;
        this.submissions = submissions;
        this.config = config;
        this.clock = clock;
        this.deleted = Counter.builder("firsthand.submissions.originals.deleted")
                .description("Quarantine originals deleted: approved (copied to the job folder) or rejected past"
                        + " the retention").register(metrics);
    }

    @Scheduled(every = "${firsthand.submissions.original-sweep:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepPastRetention() {
        sweep(clock.instant().minus(config.rejectedRetention()));
    }

    /** Deletes approved submissions' originals and those of submissions rejected before {@code rejectedBefore}. */
    public int sweep(Instant rejectedBefore) {
        int removed = 0;
        List<StoredOriginal> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> submissions.originalsPastUse(rejectedBefore, BATCH));
            List<String> done = delete(batch);
            if (!done.isEmpty()) {
                Instant now = clock.instant();
                QuarkusTransaction.requiringNew().run(() -> submissions.markOriginalDeleted(done, now));
            }
            removed += done.size();
            // Objects the store refused stay unmarked for the next run; stop here instead of listing them again.
            if (done.size() < batch.size()) {
                break;
            }
        } while (batch.size() == BATCH);
        deleted.increment(removed);
        LOG.infof("Original sweep: %d quarantine originals deleted (approved, or rejected before %s)", removed,
                rejectedBefore);
        return removed;
    }

    /** Deletes the batch's objects; returns the ids of the submissions whose objects are all gone. */
    private List<String> delete(List<StoredOriginal> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (StoredOriginal original : batch) {
            keys.add(original.objectKey());
            if (!original.approved()) {
                keys.add(previewKey(original));
            }
        }
        Set<String> refused = new HashSet<>(storage.delete(keys));
        return batch.stream().filter(o -> !refused.contains(o.objectKey())
                && (o.approved() || !refused.contains(previewKey(o)))).map(StoredOriginal::submissionId).toList();
    }

    private static String previewKey(StoredOriginal original) {
        return PreviewStore.key(original.orgId(), original.jobId(), original.submissionId());
    }
}

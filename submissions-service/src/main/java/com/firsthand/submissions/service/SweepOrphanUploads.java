package com.firsthand.submissions.service;

import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.config.SubmissionsConfig;
import com.firsthand.submissions.repository.FileStorage;
import com.firsthand.submissions.repository.FileStorage.StoredObject;
import com.firsthand.submissions.repository.SubmissionRepository;
import com.firsthand.submissions.repository.SubmissionRepository.StoredUpload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes uploads in quarantine that no submission refers to. An upload is stored before its submission is
 * recorded, so a crash or a database outage in between, or a retried upload that ends in an idempotent replay of
 * the first, leaves an object nothing points at. Only objects without any row are deleted here; originals of scored
 * submissions are {@link SweepScoredOriginals}' business.
 */
@ApplicationScoped
public class SweepOrphanUploads {

    private static final int PAGE_SIZE = 500;
    private static final Logger LOG = Logger.getLogger(SweepOrphanUploads.class);

    private final FileStorage storage;
    private final SubmissionRepository submissions;
    private final SubmissionsConfig config;
    private final Clock clock;
    private final Counter deleted;

    public SweepOrphanUploads(FileStorage storage, SubmissionRepository submissions, SubmissionsConfig config,
            Clock clock, MeterRegistry metrics) {
        this.storage = storage;
        this.submissions = submissions;
        this.config = config;
        this.clock = clock;
        this.deleted = Counter.builder("firsthand.submissions.orphan_uploads.deleted")
                .description("Uploads deleted from quarantine because no submission refers to them")
                .register(metrics);
    }

    @Scheduled(every = "${firsthand.submissions.orphan-upload-sweep:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepPastGrace() {
        sweep(clock.instant().minus(config.orphanUploadGrace()));
    }

    /** Deletes the quarantined objects last written before {@code cutoff} that no submission refers to. */
    public int sweep(Instant cutoff) {
        return sweep(cutoff, PAGE_SIZE);
    }

    /** As {@link #sweep(Instant)}, listing and checking {@code pageSize} objects at a time. */
    public int sweep(Instant cutoff, int pageSize) {
        int removed = 0;
        int listed = 0;
        String after = null;
        List<StoredObject> page;
        do {
            page = storage.list(FileStorage.QUARANTINE, after, pageSize);
            listed += page.size();
            removed += sweepPage(page, cutoff);
            after = page.isEmpty() ? after : page.get(page.size() - 1).key();
        } while (page.size() == pageSize);
        deleted.increment(removed);
        LOG.infof("Orphan upload sweep: %d of %d quarantined objects deleted (unreferenced, written before %s)",
                removed, listed, cutoff);
        return removed;
    }

    private int sweepPage(List<StoredObject> page, Instant cutoff) {
        // Object key -> the submission id it was stored for. Keys of another layout are not ours to judge.
        Map<String, String> candidates = new LinkedHashMap<>();
        for (StoredObject object : page) {
            if (object.lastModified().isBefore(cutoff)) {
                FileStorage.submissionIdOf(object.key()).filter(id -> Ids.isValid(Ids.SUBMISSION, id))
                        .ifPresent(id -> candidates.put(object.key(), id));
            }
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        List<StoredUpload> references = QuarkusTransaction.requiringNew()
                .call(() -> submissions.referencing(candidates.values(), candidates.keySet()));
        Set<String> referencedIds = references.stream().map(StoredUpload::submissionId).collect(Collectors.toSet());
        Set<String> referencedKeys = references.stream().map(StoredUpload::objectKey).collect(Collectors.toSet());
        List<String> orphans = candidates.entrySet().stream()
                .filter(c -> !referencedKeys.contains(c.getKey()) && !referencedIds.contains(c.getValue()))
                .map(Map.Entry::getKey).toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        return orphans.size() - storage.delete(orphans).size();
    }
}

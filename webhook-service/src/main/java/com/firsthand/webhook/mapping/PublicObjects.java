package com.firsthand.webhook.mapping;

import com.firsthand.events.JobStatusChanged;
import com.firsthand.events.SubmissionStatusChanged;
import com.firsthand.events.SubmissionStatuses;
import com.firsthand.webhook.domain.JobReplica;
import com.firsthand.webhook.domain.WebhookEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API objects carried in data.object, field for field as the API reference shows them. */
public final class PublicObjects {

    private PublicObjects() {
    }

    public static Map<String, Object> submission(SubmissionStatusChanged s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("object", "submission");
        o.put("id", s.submissionId());
        o.put("job_id", s.jobId());
        o.put("worker_id", s.workerId());
        o.put("status", s.to());
        o.put("ai_star_rating", s.aiStarRating());
        o.put("ai_reasoning", s.aiReasoning());
        // Only approved (paid) work links its file, also for events published before that rule.
        o.put("file_url", SubmissionStatuses.APPROVED.equals(s.to()) ? s.fileUrl() : null);
        o.put("preview_url", s.previewUrl());
        o.put("content_type", s.contentType());
        o.put("size_bytes", s.sizeBytes());
        o.put("submitted_at", s.submittedAt());
        o.put("scored_at", s.scoredAt());
        o.put("override", s.override() == null ? null : override(s.override()));
        o.put("appeal", s.appeal() == null ? null : appeal(s.appeal()));
        return o;
    }

    private static Map<String, Object> appeal(SubmissionStatusChanged.Appeal appeal) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", appeal.status());
        o.put("message", appeal.message());
        o.put("disputed_fact", appeal.disputedFact());
        o.put("appealed_at", appeal.appealedAt());
        o.put("rescore_stars", appeal.rescoreStars());
        o.put("rescore_reasoning", appeal.rescoreReasoning());
        o.put("decided_at", appeal.decidedAt());
        return o;
    }

    private static Map<String, Object> override(SubmissionStatusChanged.Override override) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("decision", override.decision());
        o.put("reason", override.reason());
        o.put("previous_status", override.previousStatus());
        o.put("overridden_at", override.at());
        return o;
    }

    /**
     * The job object as the API shows it: the one the event carries, else (an event from before it carried one)
     * rebuilt from the replica when job.created was seen, else its status only.
     */
    public static Map<String, Object> job(JobStatusChanged j, JobReplica job) {
        if (j.job() != null) {
            Map<String, Object> o = new LinkedHashMap<>(j.job());
            o.put("previous_status", j.from());
            o.put("status_changed_at", j.at());
            return o;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("object", "job");
        o.put("id", j.jobId());
        o.put("status", j.to());
        if (job != null) {
            o.put("type", job.type);
            o.put("description", job.description);
        }
        o.put("files_needed", j.filesNeeded());
        o.put("files_approved", j.filesApproved());
        if (job != null) {
            o.put("accepted_formats", job.acceptedFormats);
            o.put("price_per_file_cents", job.pricePerFileCents);
            o.put("deadline", job.deadline);
            o.put("metadata", job.metadata);
            o.put("created_at", job.createdAt);
        }
        o.put("previous_status", j.from());
        o.put("status_changed_at", j.at());
        return o;
    }

    public static Map<String, Object> endpoint(WebhookEndpoint e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("object", "webhook_endpoint");
        o.put("id", e.id);
        o.put("url", e.url);
        o.put("description", e.description);
        o.put("enabled_events", e.enabledEvents);
        o.put("status", e.status);
        o.put("disabled_reason", e.disabledReason);
        o.put("created_at", e.createdAt);
        return o;
    }
}

package com.firsthand.submissions.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.firsthand.common.ids.Ids;
import com.firsthand.submissions.domain.Assignment;
import com.firsthand.submissions.domain.JobReplica;
import com.firsthand.submissions.domain.Submission;
import com.firsthand.submissions.domain.WorkerEventTypes;
import com.firsthand.submissions.mapping.AssignmentMapper;
import com.firsthand.submissions.mapping.SubmissionMapper;
import com.firsthand.submissions.mapping.WorkerJobMapper;
import com.firsthand.submissions.repository.WorkerEventRepository;
import com.firsthand.submissions.repository.WorkerEventSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Tells workers what happened to their work, in the transaction of the change: each event is written to the
 * worker's feed (GET /v1/worker/events) with the object as the API shows it then, and waiting long-polls are woken
 * on commit. A redelivered event that changes nothing tells nothing, so each worker gets each event once.
 * Where one change tells several workers, their feeds are taken in worker id order, so two such changes cannot
 * deadlock.
 */
@ApplicationScoped
public class WorkerEvents {

    private final WorkerEventRepository feed;
    private final WorkerEventSignals signals;
    private final ObjectMapper json;

    public WorkerEvents(WorkerEventRepository feed, WorkerEventSignals signals, ObjectMapper json) {
        this.feed = feed;
        this.signals = signals;
        this.json = json;
    }

    /** job.cancelled to each of the workers (holding a slot or with a submission pending on the job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void jobCancelled(JobReplica job, Collection<String> workerIds, Instant at) {
        String data = data(WorkerJobMapper.toResponse(job));
        new TreeSet<>(workerIds).forEach(worker -> append(worker, WorkerEventTypes.JOB_CANCELLED, at, data));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void assignmentReleased(Assignment assignment, Instant at) {
        append(assignment.workerId, WorkerEventTypes.ASSIGNMENT_RELEASED, at,
                data(AssignmentMapper.toResponse(assignment, null)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void assignmentExpiring(Assignment assignment, Instant at) {
        append(assignment.workerId, WorkerEventTypes.ASSIGNMENT_EXPIRING, at,
                data(AssignmentMapper.toResponse(assignment, null)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submissionApproved(Submission submission, int payoutCents, Instant at) {
        ObjectNode data = node(SubmissionMapper.toResponse(submission, null));
        data.put("payout_cents", payoutCents);
        append(submission.workerId, WorkerEventTypes.SUBMISSION_APPROVED, at, data.toString());
    }

    /** @param retryAllowed whether the job still takes work, so the worker may accept it again and retry */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submissionRejected(Submission submission, boolean retryAllowed, Instant at) {
        ObjectNode data = node(SubmissionMapper.toResponse(submission, null));
        data.put("retry_allowed", retryAllowed);
        append(submission.workerId, WorkerEventTypes.SUBMISSION_REJECTED, at, data.toString());
    }

    /** @param payoutDeltaCents the change to the worker's earnings: the price paid, or the payout reversed */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submissionOverridden(Submission submission, int payoutDeltaCents, Instant at) {
        withPayoutDelta(WorkerEventTypes.SUBMISSION_OVERRIDDEN, submission, payoutDeltaCents, at);
    }

    /** @param payoutDeltaCents the price paid when the appeal was upheld, else 0 */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appealUpdated(Submission submission, int payoutDeltaCents, Instant at) {
        withPayoutDelta(WorkerEventTypes.SUBMISSION_APPEAL_UPDATED, submission, payoutDeltaCents, at);
    }

    private void withPayoutDelta(String type, Submission submission, int payoutDeltaCents, Instant at) {
        ObjectNode data = node(SubmissionMapper.toResponse(submission, null));
        data.put("payout_delta_cents", payoutDeltaCents);
        append(submission.workerId, type, at, data.toString());
    }

    private void append(String workerId, String type, Instant at, String data) {
        feed.append(Ids.next(Ids.WORKER_EVENT), workerId, type, at, data);
        signals.signal(workerId);
    }

    private String data(Object apiObject) {
        return node(apiObject).toString();
    }

    private ObjectNode node(Object apiObject) {
        ObjectNode data = json.createObjectNode();
        data.set("object", json.valueToTree(apiObject));
        return data;
    }
}

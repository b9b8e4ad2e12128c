package com.firsthand.submissions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One decision on a submission in its decision record, written once and never changed. */
@Entity
@Table(name = "submission_decision")
public class SubmissionDecision {

    public static final String BY_SCORER = "scorer";
    public static final String BY_PRE_SCORING = "pre_scoring";
    public static final String BY_APPEAL_SCORER = "appeal_scorer";
    public static final String BY_BUYER = "buyer";

    @Id
    public String id;
    @Column(name = "submission_id")
    public String submissionId;
    @Column(name = "org_id")
    public String orgId;
    public int sequence;
    @Column(name = "decided_by")
    public String decidedBy;
    public String scorer;
    public String model;
    @Column(name = "rubric_version")
    public String rubricVersion;
    @Column(name = "credential_id")
    public String credentialId;
    public Integer stars;
    public String reasoning;
    public String outcome;
    @Column(name = "decided_at")
    public Instant decidedAt;
}

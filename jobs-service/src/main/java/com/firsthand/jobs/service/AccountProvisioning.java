package com.firsthand.jobs.service;

import com.firsthand.common.auth.CredentialRepository;
import com.firsthand.common.auth.SecretHasher;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.common.outbox.Outbox;
import com.firsthand.events.AggregateTypes;
import com.firsthand.events.CredentialChanged;
import com.firsthand.events.Topics;
import com.firsthand.jobs.domain.IssuedCredential;
import com.firsthand.jobs.domain.Organization;
import com.firsthand.jobs.domain.Worker;
import com.firsthand.jobs.repository.OrganizationRepository;
import com.firsthand.jobs.repository.WorkerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Organisations, workers and their credentials. jobs-service is the single owner of credentials: it keeps
 * their hashes and publishes every change on the compacted credential.changed topic for the other services.
 */
@ApplicationScoped
public class AccountProvisioning {

    public static final String API_KEY_PREFIX = "fh_live_";
    public static final String WORKER_TOKEN_PREFIX = "fh_wkr_";

    private final OrganizationRepository organizations;
    private final WorkerRepository workers;
    private final CredentialRepository credentials;
    private final Outbox outbox;
    private final Clock clock;

    public AccountProvisioning(OrganizationRepository organizations, WorkerRepository workers,
            CredentialRepository credentials, Outbox outbox, Clock clock) {
        this.organizations = organizations;
        this.workers = workers;
        this.credentials = credentials;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record OrganizationWithKey(Organization organization, IssuedCredential apiKey) {
    }

    public record WorkerWithToken(Worker worker, IssuedCredential token) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrganizationWithKey createOrganization(String name) {
        Organization organization = new Organization();
        organization.id = Ids.next(Ids.ORGANIZATION);
        organization.name = name;
        organization.createdAt = clock.instant();
        organizations.persist(organization);
        return new OrganizationWithKey(organization, issueApiKey(organization.id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedCredential issueApiKey(String orgId) {
        if (organizations.findById(orgId) == null) {
            throw new ResourceNotFoundException("organization", orgId);
        }
        return issue(Ids.next(Ids.API_KEY), CredentialChanged.KIND_BUYER_API_KEY, orgId, null, API_KEY_PREFIX);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WorkerWithToken registerWorker(String name) {
        Worker worker = new Worker();
        worker.id = Ids.next(Ids.WORKER);
        worker.name = name;
        worker.createdAt = clock.instant();
        workers.persist(worker);
        return new WorkerWithToken(worker, issueWorkerToken(worker.id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedCredential issueWorkerToken(String workerId) {
        if (workers.findById(workerId) == null) {
            throw new ResourceNotFoundException("worker", workerId);
        }
        return issue(Ids.next(Ids.WORKER_TOKEN), CredentialChanged.KIND_WORKER_TOKEN, null, workerId,
                WORKER_TOKEN_PREFIX);
    }

    /**
     * Revokes a key or token, as one more version of it; revoking it again changes nothing. Reports whether this
     * call made the change: a concurrent revocation that took the same version first makes this one a no-op.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Revocation revoke(String credentialId) {
        CredentialChanged current = credentials.findById(credentialId)
                .orElseThrow(() -> new ResourceNotFoundException("credential", credentialId));
        if (CredentialChanged.STATUS_REVOKED.equals(current.status())) {
            return new Revocation(current, false);
        }
        CredentialChanged revoked = new CredentialChanged(current.credentialId(), current.kind(), current.orgId(),
                current.workerId(), current.secretHash(), CredentialChanged.STATUS_REVOKED, clock.instant(),
                current.versionOrZero() + 1);
        if (!credentials.upsert(revoked)) {
            return new Revocation(credentials.findById(credentialId).orElseThrow(), false);
        }
        append(revoked);
        return new Revocation(revoked, true);
    }

    /** A credential's state after a revocation, and whether that revocation changed it. */
    public record Revocation(CredentialChanged credential, boolean revokedNow) {
    }

    private IssuedCredential issue(String id, String kind, String orgId, String workerId, String prefix) {
        String secret = SecretHasher.newSecret(prefix);
        Instant now = clock.instant();
        CredentialChanged issued = new CredentialChanged(id, kind, orgId, workerId, SecretHasher.sha256(secret),
                CredentialChanged.STATUS_ACTIVE, now, 1L);
        if (!credentials.upsert(issued)) {
            throw new IllegalStateException("credential " + id + " already exists");
        }
        append(issued);
        return new IssuedCredential(id, kind, orgId, workerId, secret, now);
    }

    private void append(CredentialChanged credential) {
        outbox.append(Topics.CREDENTIAL_CHANGED, AggregateTypes.CREDENTIAL, credential.credentialId(),
                credential.orgId(), credential.changedAt(), credential);
    }
}

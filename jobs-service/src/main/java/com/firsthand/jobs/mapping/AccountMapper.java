package com.firsthand.jobs.mapping;

import com.firsthand.events.CredentialChanged;
import com.firsthand.jobs.domain.IssuedCredential;
import com.firsthand.jobs.rest.model.CredentialResponse;
import com.firsthand.jobs.service.AccountProvisioning;
import com.firsthand.jobs.rest.model.OrganizationResponse;
import com.firsthand.jobs.rest.model.WorkerResponse;

public final class AccountMapper {

    private AccountMapper() {
    }

    public static OrganizationResponse toResponse(AccountProvisioning.OrganizationWithKey created) {
        return new OrganizationResponse("organization", created.organization().id, created.organization().name,
                created.organization().createdAt, toResponse(created.apiKey()));
    }

    public static WorkerResponse toResponse(AccountProvisioning.WorkerWithToken created) {
        return new WorkerResponse("worker", created.worker().id, created.worker().name, created.worker().createdAt,
                toResponse(created.token()));
    }

    public static CredentialResponse toResponse(IssuedCredential issued) {
        return new CredentialResponse(objectName(issued.kind()), issued.id(), issued.orgId(), issued.workerId(),
                CredentialChanged.STATUS_ACTIVE, issued.secret(), issued.createdAt(), null, 1L, null);
    }

    public static CredentialResponse toResponse(AccountProvisioning.Revocation revocation) {
        CredentialChanged credential = revocation.credential();
        boolean revoked = CredentialChanged.STATUS_REVOKED.equals(credential.status());
        return new CredentialResponse(objectName(credential.kind()), credential.credentialId(), credential.orgId(),
                credential.workerId(), credential.status(), null, null, revoked ? credential.changedAt() : null,
                credential.version(), revocation.revokedNow());
    }

    private static String objectName(String kind) {
        return CredentialChanged.KIND_WORKER_TOKEN.equals(kind) ? "worker_token" : "api_key";
    }
}

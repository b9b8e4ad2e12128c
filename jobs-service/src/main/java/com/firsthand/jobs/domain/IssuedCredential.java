package com.firsthand.jobs.domain;

import java.time.Instant;

/** A credential just issued, with its secret: the only moment the secret exists outside its holder. */
public record IssuedCredential(String id, String kind, String orgId, String workerId, String secret,
        Instant createdAt) {
}

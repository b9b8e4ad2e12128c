package com.firsthand.webhook.repository;

import com.firsthand.webhook.domain.JobReplica;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class JobReplicaRepository implements PanacheRepositoryBase<JobReplica, String> {
}

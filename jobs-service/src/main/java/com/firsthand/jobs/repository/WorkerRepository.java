package com.firsthand.jobs.repository;

import com.firsthand.jobs.domain.Worker;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<Worker, String> {
}

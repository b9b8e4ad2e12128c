package com.firsthand.jobs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A worker who accepts jobs and uploads files, authenticated by worker tokens. */
@Entity
@Table(name = "worker")
public class Worker {

    @Id
    public String id;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
}

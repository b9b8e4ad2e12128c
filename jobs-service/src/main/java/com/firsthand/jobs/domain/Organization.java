package com.firsthand.jobs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A buyer organisation: owns jobs and API keys. */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    public String id;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
}

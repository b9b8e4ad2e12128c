package com.firsthand.submissions;

import com.firsthand.infra.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Registers real Kafka, PostgreSQL and S3Proxy for every @QuarkusTest of this module. */
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}

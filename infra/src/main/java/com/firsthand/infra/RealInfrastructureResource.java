package com.firsthand.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Test resource that points the service under test at the test JVM's real Kafka, PostgreSQL and S3Proxy
 * ({@link SharedTestInfrastructure}: started once, on free ports, whatever test profiles follow). Use with
 * {@code @QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)} or
 * {@code @WithTestResource}.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return SharedTestInfrastructure.config();
    }

    @Override
    public void stop() {
        // Shared by every test class and profile of this JVM; stopped by a shutdown hook.
    }
}

package com.firsthand.events;

/** The envelope's aggregate_type: what the aggregate id (the Kafka key) names. */
public final class AggregateTypes {

    public static final String JOB = "job";
    public static final String SUBMISSION = "submission";
    public static final String CREDENTIAL = "credential";

    private AggregateTypes() {
    }
}

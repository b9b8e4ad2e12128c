package com.firsthand.common.inbox;

/**
 * Thrown by a handler whose event depends on another one not applied yet (a status change of a job whose creation
 * has not arrived): retried for up to firsthand.consumers.dependency-wait instead of max-attempts times.
 */
public class EventNotYetApplicable extends RuntimeException {

    public EventNotYetApplicable(String message) {
        super(message);
    }
}

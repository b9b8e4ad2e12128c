package com.firsthand.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the dispatcher when deliveries became due: after the commit that scheduled them, or a freed slot. */
@ApplicationScoped
public class DispatchSignal {

    private final Semaphore signal = new Semaphore(0);
    private final TransactionSynchronizationRegistry transactions;

    public DispatchSignal(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Wakes the dispatcher once the current transaction commits (at once when there is none). */
    public void afterCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            wake();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    public void wake() {
        signal.release();
    }

    /** Waits for a wake-up or the timeout; wake-ups that piled up count as one. */
    void await(Duration timeout) throws InterruptedException {
        if (signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}

package com.firsthand.submissions.service;

import com.firsthand.submissions.repository.FileStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes a file taken out of a job folder once the transaction that took it out commits: before, a rollback would
 * leave approved work without its file. A delete that fails leaves an object no download link is signed for again
 * (links are signed for approved work only); it is logged.
 */
@ApplicationScoped
public class WithdrawnFiles {

    private static final Logger LOG = Logger.getLogger(WithdrawnFiles.class);

    private final TransactionSynchronizationRegistry transactions;
    private final FileStorage storage;

    public WithdrawnFiles(TransactionSynchronizationRegistry transactions, FileStorage storage) {
        this.transactions = transactions;
        this.storage = storage;
    }

    public void deleteAfterCommit(String key) {
        if (key == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    if (!storage.delete(List.of(key)).isEmpty()) {
                        LOG.warnf("Withdrawn file %s was not deleted", key);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Withdrawn file %s was not deleted", key);
                }
            }
        });
    }
}

package com.firsthand.webhook.service;

import com.firsthand.webhook.config.WebhooksConfig;
import com.firsthand.webhook.repository.WebhookEventRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Deletes events past their retention (30 days), with their deliveries and attempts. */
@ApplicationScoped
public class PurgeEvents {

    private static final Logger LOG = Logger.getLogger(PurgeEvents.class);

    private final WebhookEventRepository events;
    private final WebhooksConfig config;
    private final Clock clock;

    public PurgeEvents(WebhookEventRepository events, WebhooksConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    @Transactional
    public long purge() {
        long deleted = events.purgeBefore(clock.instant().minus(config.eventRetention()));
        if (deleted > 0) {
            LOG.infof("purged %d webhook events older than %s", deleted, config.eventRetention());
        }
        return deleted;
    }
}

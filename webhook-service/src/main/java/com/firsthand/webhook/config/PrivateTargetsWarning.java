package com.firsthand.webhook.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says loudly at start-up when webhook endpoints may point at private networks. */
@ApplicationScoped
public class PrivateTargetsWarning {

    private static final Logger LOG = Logger.getLogger(PrivateTargetsWarning.class);

    void onStart(@Observes StartupEvent event, WebhooksConfig config) {
        if (config.allowPrivateTargets()) {
            LOG.warn("firsthand.webhooks.allow-private-targets=true: webhook endpoints may target loopback and "
                    + "private addresses. Use this for local development only.");
        } else if (config.allowLoopbackTargets()) {
            LOG.warn("firsthand.webhooks.allow-loopback-targets=true: webhook endpoints may target loopback "
                    + "addresses. Use this for local development only.");
        }
    }
}

package com.firsthand.webhook.config;

import com.firsthand.webhook.domain.TargetPolicy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The webhook target policy, read once from configuration, and a warning at start when it is not production's. */
@ApplicationScoped
public class TargetPolicyConfig {

    private static final Logger LOG = Logger.getLogger(TargetPolicyConfig.class);

    @Produces
    @Singleton
    TargetPolicy targetPolicy(WebhooksConfig config) {
        return new TargetPolicy(config.allowPrivateTargets(), config.allowLoopbackTargets(),
                config.requireHttpsTargets());
    }

    void onStart(@Observes StartupEvent event, TargetPolicy policy) {
        if (!policy.requireHttps()) {
            LOG.warn("firsthand.webhooks.require-https-targets=false: webhook endpoints may use http://. Use this"
                    + " for local development only.");
        }
        if (policy.allowPrivate()) {
            LOG.warn("firsthand.webhooks.allow-private-targets=true: webhook endpoints may target loopback and "
                    + "private addresses. Use this for local development only.");
        } else if (policy.allowLoopback()) {
            LOG.warn("firsthand.webhooks.allow-loopback-targets=true: webhook endpoints may target loopback "
                    + "addresses. Use this for local development only.");
        }
    }
}

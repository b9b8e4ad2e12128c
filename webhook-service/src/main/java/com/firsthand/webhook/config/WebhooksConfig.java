package com.firsthand.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "firsthand.webhooks")
public interface WebhooksConfig {

    /**
     * Allow endpoints on loopback and private networks: for local development, where a developer receives
     * webhooks on localhost. Off by default, and so in production.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();
}

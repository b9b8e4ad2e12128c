package com.firsthand.webhook.service;

import com.firsthand.webhook.domain.EventTypes;
import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.mapping.PublicObjects;
import com.firsthand.webhook.repository.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Disables an endpoint the platform gave up on: its pending deliveries end as failed (recover resends them),
 * and a webhook_endpoint.disabled event records why, in /v1/events and to the organisation's other endpoints.
 */
@ApplicationScoped
public class DisableEndpoint {

    private static final Logger LOG = Logger.getLogger(DisableEndpoint.class);

    private final DeliveryRepository deliveries;
    private final PublishEvent publish;

    public DisableEndpoint(DeliveryRepository deliveries, PublishEvent publish) {
        this.deliveries = deliveries;
        this.publish = publish;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(WebhookEndpoint endpoint, String reason, Instant now) {
        endpoint.disable(reason, now);
        deliveries.failPending(endpoint.id, now);
        publish.publish(endpoint.orgId, EventTypes.ENDPOINT_DISABLED, "disabled:" + endpoint.id + ":" + now, now,
                PublicObjects.endpoint(endpoint));
        LOG.warnf("webhook endpoint %s disabled: %s", endpoint.id, reason);
    }
}

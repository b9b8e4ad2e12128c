package com.firsthand.webhook.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.webhook.domain.EventTypes;
import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.domain.WebhookEvent;
import com.firsthand.webhook.repository.DeliveryRepository;
import com.firsthand.webhook.repository.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Sends events again: one event to one or all endpoints (redeliver), or an endpoint's failures (recover). */
@ApplicationScoped
public class ResendEvents {

    static final Duration MAX_RECOVER_WINDOW = Duration.ofDays(30);

    private final WebhookEndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final ManageEndpoints manageEndpoints;
    private final EventQueries events;
    private final DispatchSignal signal;
    private final Clock clock;

    public ResendEvents(WebhookEndpointRepository endpoints, DeliveryRepository deliveries,
            ManageEndpoints manageEndpoints, EventQueries events, DispatchSignal signal, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.manageEndpoints = manageEndpoints;
        this.events = events;
        this.signal = signal;
        this.clock = clock;
    }

    /** @return the endpoints the event was queued for */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> redeliver(String orgId, String eventId, String endpointId) {
        WebhookEvent event = events.get(orgId, eventId);
        List<WebhookEndpoint> targets;
        if (endpointId != null) {
            WebhookEndpoint endpoint;
            try {
                endpoint = manageEndpoints.owned(orgId, endpointId);
            } catch (ResourceNotFoundException e) {
                throw new ResourceNotFoundException("webhook endpoint", endpointId, "endpoint_id");
            }
            if (!endpoint.isEnabled()) {
                throw new InvalidParameterException("endpoint_id", "The endpoint is disabled; enable it first.");
            }
            targets = List.of(endpoint);
        } else {
            targets = endpoints.enabledFor(orgId).stream()
                    .filter(endpoint -> EventTypes.subscribes(endpoint.enabledEvents, event.type)).toList();
        }
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        for (WebhookEndpoint endpoint : targets) {
            deliveries.schedule(Ids.next(Ids.WEBHOOK_DELIVERY), event.id, endpoint.id, orgId, now);
            ids.add(endpoint.id);
        }
        signal.afterCommit();
        return ids;
    }

    /** @return how many failed deliveries were queued again */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recover(String orgId, String endpointId, Instant since, Instant until) {
        WebhookEndpoint endpoint = manageEndpoints.owned(orgId, endpointId);
        Instant now = clock.instant();
        Instant end = until == null ? now : until;
        if (!since.isBefore(end)) {
            throw new InvalidParameterException("since", "since must be before until.");
        }
        if (since.isBefore(now.minus(MAX_RECOVER_WINDOW))) {
            throw new InvalidParameterException("since",
                    "since must be within the last 30 days (events are kept 30 days).");
        }
        int queued = deliveries.recover(endpoint.id, since, end, now);
        signal.afterCommit();
        return queued;
    }
}

package com.firsthand.webhook.service;

import com.firsthand.common.ids.Ids;
import com.firsthand.common.tracing.TraceCarrier;
import com.firsthand.webhook.config.WebhooksConfig;
import com.firsthand.webhook.domain.EventTypes;
import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.domain.WebhookEvent;
import com.firsthand.webhook.mapping.EventBodies;
import com.firsthand.webhook.repository.DeliveryRepository;
import com.firsthand.webhook.repository.WebhookEndpointRepository;
import com.firsthand.webhook.repository.WebhookEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a public event and schedules one delivery per enabled endpoint of the organisation subscribed to its
 * type, in the caller's transaction. The same source event and type never make a second event.
 */
@ApplicationScoped
public class PublishEvent {

    private final WebhookEventRepository events;
    private final WebhookEndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final DispatchSignal signal;
    private final Clock clock;
    private final WebhooksConfig config;
    private final TraceCarrier traces;

    public PublishEvent(WebhookEventRepository events, WebhookEndpointRepository endpoints,
            DeliveryRepository deliveries, DispatchSignal signal, Clock clock, WebhooksConfig config,
            TraceCarrier traces) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.signal = signal;
        this.clock = clock;
        this.config = config;
        this.traces = traces;
    }

    /** @return the new event, or null when this source already produced an event of this type */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookEvent publish(String orgId, String type, String sourceId, Instant createdAt,
            Map<String, Object> object) {
        List<WebhookEvent> published = publishAll(orgId, List.of(type), sourceId, createdAt, object);
        return published.isEmpty() ? null : published.get(0);
    }

    /** One event per type about the same object (submission.scored and submission.approved, say). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WebhookEvent> publishAll(String orgId, List<String> types, String sourceId, Instant createdAt,
            Map<String, Object> object) {
        List<WebhookEvent> published = new ArrayList<>(types.size());
        List<WebhookEndpoint> subscribers = null;
        Instant firstAttempt = clock.instant().plus(config.retrySchedule().get(0));
        String traceContext = traces.currentJson();
        for (String type : types) {
            WebhookEvent event = new WebhookEvent();
            event.id = Ids.next(Ids.EVENT);
            event.orgId = orgId;
            event.type = type;
            event.sourceId = sourceId;
            event.createdAt = createdAt;
            event.body = EventBodies.write(event.id, type, createdAt, object);
            if (!events.insertIfAbsent(event, traceContext)) {
                continue;
            }
            published.add(event);
            if (subscribers == null) {
                subscribers = endpoints.enabledFor(orgId);
            }
            for (WebhookEndpoint endpoint : subscribers) {
                if (EventTypes.subscribes(endpoint.enabledEvents, type)) {
                    deliveries.schedule(Ids.next(Ids.WEBHOOK_DELIVERY), event.id, endpoint.id, orgId, firstAttempt);
                }
            }
        }
        if (subscribers != null && !subscribers.isEmpty()) {
            signal.afterCommit();
        }
        return published;
    }
}

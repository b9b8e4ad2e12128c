package com.firsthand.webhook.service;

import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.webhook.domain.WebhookEvent;
import com.firsthand.webhook.repository.WebhookEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads an organisation's public events. */
@ApplicationScoped
public class EventQueries {

    private final WebhookEventRepository events;

    public EventQueries(WebhookEventRepository events) {
        this.events = events;
    }

    public WebhookEvent get(String orgId, String id) {
        if (!Ids.isValid(Ids.EVENT, id)) {
            throw new ResourceNotFoundException("event", id);
        }
        return events.findOwned(orgId, id).orElseThrow(() -> new ResourceNotFoundException("event", id));
    }

    public List<WebhookEvent> list(WebhookEventRepository.Filter filter, String afterId, int fetchSize) {
        return events.listPage(filter, afterId, fetchSize);
    }
}

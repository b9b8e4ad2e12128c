package com.firsthand.webhook.service;

import com.firsthand.common.errors.InvalidParameterException;
import com.firsthand.common.errors.ResourceNotFoundException;
import com.firsthand.common.ids.Ids;
import com.firsthand.webhook.config.WebhooksConfig;
import com.firsthand.webhook.delivery.TargetUrls;
import com.firsthand.webhook.domain.EventTypes;
import com.firsthand.webhook.domain.WebhookEndpoint;
import com.firsthand.webhook.domain.WebhookSignature;
import com.firsthand.webhook.repository.WebhookEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** Creates, changes, rotates and deletes an organisation's webhook endpoints. */
@ApplicationScoped
public class ManageEndpoints {

    static final int MAX_DESCRIPTION = 500;

    private final WebhookEndpointRepository endpoints;
    private final TargetUrls urls;
    private final WebhooksConfig config;
    private final Clock clock;

    public ManageEndpoints(WebhookEndpointRepository endpoints, TargetUrls urls, WebhooksConfig config,
            Clock clock) {
        this.endpoints = endpoints;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookEndpoint create(String orgId, String url, List<String> enabledEvents, String description) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = Ids.next(Ids.WEBHOOK_ENDPOINT);
        endpoint.orgId = orgId;
        endpoint.url = urls.check(url);
        if (enabledEvents == null) {
            throw InvalidParameterException.missing("enabled_events");
        }
        endpoint.enabledEvents = events(enabledEvents);
        endpoint.description = description(description);
        endpoint.status = WebhookEndpoint.ENABLED;
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.createdAt = clock.instant();
        endpoint.updatedAt = endpoint.createdAt;
        endpoints.persist(endpoint);
        return endpoint;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookEndpoint update(String orgId, String id, String url, List<String> enabledEvents,
            String description, Boolean disabled) {
        WebhookEndpoint endpoint = lockOwned(orgId, id);
        Instant now = clock.instant();
        if (url != null) {
            endpoint.url = urls.check(url);
        }
        if (enabledEvents != null) {
            endpoint.enabledEvents = events(enabledEvents);
        }
        if (description != null) {
            endpoint.description = description(description);
        }
        if (Boolean.TRUE.equals(disabled) && endpoint.isEnabled()) {
            endpoint.disable("Disabled through the API.", now);
        } else if (Boolean.FALSE.equals(disabled) && !endpoint.isEnabled()) {
            endpoint.enable(now);
        }
        endpoint.updatedAt = now;
        return endpoint;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookEndpoint rotateSecret(String orgId, String id) {
        WebhookEndpoint endpoint = lockOwned(orgId, id);
        Instant now = clock.instant();
        endpoint.rotateSecret(WebhookSignature.newSecret(), now, now.plus(config.secretRotationGrace()));
        return endpoint;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String orgId, String id) {
        endpoints.delete(lockOwned(orgId, id));
    }

    public WebhookEndpoint owned(String orgId, String id) {
        checkId(id);
        return endpoints.findOwned(orgId, id).orElseThrow(() -> new ResourceNotFoundException("webhook endpoint", id));
    }

    private WebhookEndpoint lockOwned(String orgId, String id) {
        checkId(id);
        return endpoints.lockOwned(orgId, id).orElseThrow(() -> new ResourceNotFoundException("webhook endpoint", id));
    }

    private static void checkId(String id) {
        if (!Ids.isValid(Ids.WEBHOOK_ENDPOINT, id)) {
            throw new ResourceNotFoundException("webhook endpoint", id);
        }
    }

    private static List<String> events(List<String> requested) {
        if (requested.isEmpty()) {
            throw new InvalidParameterException("enabled_events",
                    "enabled_events must name at least one event type, or [\"*\"] for all.");
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !(EventTypes.ALL.equals(type) || EventTypes.KNOWN.contains(type))) {
                throw new InvalidParameterException("enabled_events", "Unknown event type '" + type + "'; known: "
                        + String.join(", ", EventTypes.KNOWN) + ", or \"*\".");
            }
            types.add(type);
        }
        if (types.contains(EventTypes.ALL) && types.size() > 1) {
            throw new InvalidParameterException("enabled_events", "\"*\" subscribes to every type; list it alone.");
        }
        return List.copyOf(types);
    }

    private static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidParameterException("description",
                    "description must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return description;
    }
}

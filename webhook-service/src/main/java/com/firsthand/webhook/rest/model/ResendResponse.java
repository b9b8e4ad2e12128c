package com.firsthand.webhook.rest.model;

import java.util.List;

/** What a redeliver or recover call queued. */
public record ResendResponse(String object, String eventId, String endpointId, List<String> endpointIds,
        int deliveriesQueued) {
}

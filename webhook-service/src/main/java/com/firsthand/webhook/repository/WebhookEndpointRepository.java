package com.firsthand.webhook.repository;

import com.firsthand.webhook.domain.WebhookEndpoint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, String> {

    public List<WebhookEndpoint> listPage(String orgId, String afterId, int fetchSize) {
        String query = afterId == null ? "orgId = :org" : "orgId = :org and id < :after";
        Parameters params = Parameters.with("org", orgId);
        if (afterId != null) {
            params.and("after", afterId);
        }
        return find(query, Sort.descending("id"), params).page(0, fetchSize).list();
    }

    /** The organisation's endpoint; empty for an unknown id or another organisation's (both look the same). */
    public Optional<WebhookEndpoint> findOwned(String orgId, String id) {
        return find("id = :id and orgId = :org", Parameters.with("id", id).and("org", orgId)).firstResultOptional();
    }

    /**
     * The organisation's endpoint, its row locked until the transaction ends: every change reads the row it
     * writes back under this lock, so a delivery's result and a buyer's change never overwrite each other.
     */
    public Optional<WebhookEndpoint> lockOwned(String orgId, String id) {
        return find("id = :id and orgId = :org", Parameters.with("id", id).and("org", orgId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<WebhookEndpoint> lockById(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<WebhookEndpoint> enabledFor(String orgId) {
        return list("orgId = :org and status = :status",
                Parameters.with("org", orgId).and("status", WebhookEndpoint.ENABLED));
    }
}

package com.firsthand.webhook.repository;

import com.firsthand.webhook.domain.WebhookEndpoint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
}

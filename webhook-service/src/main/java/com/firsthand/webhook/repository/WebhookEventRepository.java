package com.firsthand.webhook.repository;

import com.firsthand.webhook.domain.WebhookEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookEventRepository implements PanacheRepositoryBase<WebhookEvent, String> {

    /** Filters of an event listing; null fields do not filter. */
    public record Filter(String orgId, String type, Instant from, Instant to) {
    }

    /**
     * Inserts the event, with the trace context it was recorded in (may be null), unless one with the same source
     * and type exists; true when inserted.
     */
    public boolean insertIfAbsent(WebhookEvent event, String traceContext) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO webhook_event (id, org_id, type, source_id, created_at, body, trace_context)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb)) ON CONFLICT (source_id, type) DO NOTHING""")
                .setParameter(1, event.id).setParameter(2, event.orgId).setParameter(3, event.type)
                .setParameter(4, event.sourceId).setParameter(5, event.createdAt).setParameter(6, event.body)
                .setParameter(7, traceContext).executeUpdate() == 1;
    }

    public List<WebhookEvent> listPage(Filter filter, String afterId, int fetchSize) {
        StringBuilder query = new StringBuilder("orgId = :org");
        Parameters params = Parameters.with("org", filter.orgId());
        and(query, params, "type = :type", "type", filter.type());
        and(query, params, "createdAt >= :from", "from", filter.from());
        and(query, params, "createdAt <= :to", "to", filter.to());
        and(query, params, "id < :after", "after", afterId);
        return find(query.toString(), Sort.descending("id"), params).page(0, fetchSize).list();
    }

    public Optional<WebhookEvent> findOwned(String orgId, String id) {
        return find("id = :id and orgId = :org", Parameters.with("id", id).and("org", orgId)).firstResultOptional();
    }

    public long purgeBefore(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }

    private static void and(StringBuilder query, Parameters params, String clause, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            params.and(name, value);
        }
    }
}

package com.firsthand.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.firsthand.common.api.ApiException;
import com.firsthand.common.api.ErrorCodes;
import com.firsthand.common.auth.CallerContext;
import com.firsthand.common.auth.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a POST once per Idempotency-Key and replays its first response (status and body) to every retry.
 *
 * <p>The key row is inserted first, in the transaction of the request itself. A concurrent request with the
 * same key blocks on PostgreSQL's unique index until that transaction ends: after a commit it replays the
 * stored response; after a rollback (the first request failed) it runs the request itself. So 50 concurrent
 * identical requests create one resource and all get the same body.
 *
 * <p>A secret in the first response (a new API key, worker token or signing secret) is shown that once: the
 * stored copy, and so every replay, carries {@code "secret_redacted": true} instead ({@link ShownOnce}).
 */
@ApplicationScoped
public class IdempotencyService {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyKeyRepository keys;
    private final CallerContext callerContext;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper canonicalJson;
    private final ObjectMapper mapper;

    public IdempotencyService(IdempotencyKeyRepository keys, CallerContext callerContext,
            TransactionSynchronizationRegistry transactions, ObjectMapper mapper) {
        this.keys = keys;
        this.callerContext = callerContext;
        this.transactions = transactions;
        this.mapper = mapper;
        this.canonicalJson = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * @param key     the request's Idempotency-Key header
     * @param request what identifies the request: method and path plus the parsed body
     * @param action  performs the request and returns the response whose entity is stored
     */
    public Response execute(String key, String method, String path, Object request, Supplier<Response> action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an idempotent request must run in a transaction");
        }
        String scope = callerContext.caller().scope();
        String requestHash = requestHash(method, path, request);
        if (!keys.claim(scope, key, requestHash)) {
            return replay(keys.find(scope, key), requestHash);
        }
        Response response = action.get();
        String body = response.hasEntity() ? json(response.getEntity()) : null;
        keys.complete(scope, key, response.getStatus(), body == null ? null : ShownOnce.redact(body, mapper));
        return Response.status(response.getStatus()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /**
     * The first response to this key, replayed, when its request has already completed; empty otherwise. For a
     * resource whose checks the first request's own effects would now fail (an upload uses up its assignment), so
     * that a retry after a lost answer gets the replay and not a conflict.
     */
    public Optional<Response> replayIfCompleted(String key, String method, String path, Object request) {
        String scope = callerContext.caller().scope();
        return keys.findCompleted(scope, key).map(stored -> replay(stored, requestHash(method, path, request)));
    }

    /** Whether a request with this key has completed, so that a check made before its body is read lets it replay. */
    public boolean hasCompleted(String key) {
        return keys.findCompleted(callerContext.caller().scope(), key).isPresent();
    }

    private String requestHash(String method, String path, Object request) {
        return SecretHasher.sha256(method + " " + path + "\n" + canonical(request));
    }

    private Response replay(IdempotencyKeyRepository.StoredResponse stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ApiException(422, ApiException.IDEMPOTENCY, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request; use a new key.",
                    IdempotencyKeyRequiredFilter.HEADER);
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).type(MediaType.APPLICATION_JSON)
                .entity(stored.body()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null && stored.body().contains("\"" + ShownOnce.REDACTED + "\"")) {
            replay.header(ShownOnce.REDACTED_HEADER, "true");
        }
        return replay.build();
    }

    private String canonical(Object request) {
        try {
            return request == null ? "" : canonicalJson.writeValueAsString(canonicalJson.valueToTree(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object entity) {
        try {
            return entity instanceof String text ? text : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

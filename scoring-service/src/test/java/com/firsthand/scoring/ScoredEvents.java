package com.firsthand.scoring;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import com.firsthand.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything published on submission.scored: event ids per submission and when each first arrived here. */
public final class ScoredEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Set<String>> eventIds = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, EventEnvelope> first = new ConcurrentHashMap<>();

    public ScoredEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "scored-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.SUBMISSION_SCORED));
    }

    /** Reads what has arrived; call from one thread. */
    public ScoredEvents poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
            EventEnvelope event = EventJson.read(record.value());
            eventIds.computeIfAbsent(record.key(), k -> ConcurrentHashMap.newKeySet()).add(event.id());
            firstSeen.putIfAbsent(record.key(), Instant.now());
            first.putIfAbsent(record.key(), event);
        });
        return this;
    }

    public int scoredCount() {
        return eventIds.size();
    }

    public Map<String, Set<String>> eventIds() {
        return eventIds;
    }

    public Instant firstSeen(String submissionId) {
        return firstSeen.get(submissionId);
    }

    public EventEnvelope event(String submissionId) {
        return first.get(submissionId);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

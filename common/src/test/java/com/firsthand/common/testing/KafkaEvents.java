package com.firsthand.common.testing;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Publishes events to the real broker as another service's outbox relay would. */
public final class KafkaEvents {

    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private KafkaEvents() {
    }

    /**
     * Reads the topic from the start until an event keyed {@code key} satisfies {@code until}; returns the
     * payloads of every event with that key seen so far, in order.
     */
    public static <T> List<T> awaitPayloads(String bootstrapServers, String topic, String key, Class<T> payloadType,
            Predicate<List<T>> until) {
        List<T> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    if (key.equals(record.key())) {
                        seen.add(EventJson.read(record.value()).payloadAs(payloadType));
                    }
                });
                return until.test(seen);
            });
        }
        return seen;
    }

    public static void send(String bootstrapServers, EventEnvelope event) {
        send(bootstrapServers, event, null);
    }

    /** Sends to the given partition (null: the key's), to line up records of different keys behind each other. */
    public static void send(String bootstrapServers, EventEnvelope event, Integer partition) {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrapServers,
                servers -> new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer()));
        try {
            producer.send(new ProducerRecord<>(event.type(), partition, event.aggregateId(), EventJson.write(event)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event", e);
        }
    }
}

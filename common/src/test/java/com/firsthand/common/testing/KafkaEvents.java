package com.firsthand.common.testing;

import com.firsthand.events.EventEnvelope;
import com.firsthand.events.EventJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the real broker as another service's outbox relay would. */
public final class KafkaEvents {

    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private KafkaEvents() {
    }

    public static void send(String bootstrapServers, EventEnvelope event) {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrapServers,
                servers -> new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer()));
        try {
            producer.send(new ProducerRecord<>(event.type(), event.aggregateId(), EventJson.write(event)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event", e);
        }
    }
}

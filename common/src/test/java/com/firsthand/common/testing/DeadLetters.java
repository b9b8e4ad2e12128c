package com.firsthand.common.testing;

import static io.restassured.RestAssured.given;

import com.firsthand.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** The dead-letter topic and the counter of dead-lettered events, as an operator would look at them. */
public final class DeadLetters {

    public record Letter(String value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private DeadLetters() {
    }

    /** Reads firsthand.dead_letter from the start until a record keyed {@code key} arrives. */
    public static Letter await(String bootstrapServers, String key) {
        AtomicReference<Letter> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        Map<String, String> headers = new HashMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), header.value() == null ? null
                                    : new String(header.value(), StandardCharsets.UTF_8));
                        }
                        found.set(new Letter(record.value(), headers));
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    /**
     * firsthand_events_dead_lettered_total for one topic and consumer, from /q/metrics (0 when never counted); a
     * sample may end with an exemplar (the trace it was counted in).
     */
    public static double counted(String topic, String consumerName) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("^firsthand_events_dead_lettered_total\\{consumer=\"" + Pattern.quote(
                consumerName) + "\",topic=\"" + Pattern.quote(topic) + "\"} (\\S+)(?: # .*)?$", Pattern.MULTILINE)
                .matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}

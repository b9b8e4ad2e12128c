package com.firsthand.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which topics a service's code publishes to: every outbox.append(Topics.X, ...) in its main sources, and, for a
 * service that consumes, the dead-letter topic its Kafka connector writes records its consumers gave up on to.
 */
final class KafkaAccessSource {

    private static final Pattern APPEND = Pattern.compile("outbox\\.append\\(\\s*Topics\\.(\\w+)");
    private static final Pattern DEAD_LETTER = Pattern.compile(
            "(?m)^mp\\.messaging\\.connector\\.smallrye-kafka\\.dead-letter-queue\\.topic=(\\S+)$");

    private KafkaAccessSource() {
    }

    static Set<String> publishedTopics(String service) {
        Map<String, String> constants = TopicsSource.constants();
        Set<String> topics = new TreeSet<>();
        for (Path file : Project.javaFiles(service + "/src/main/java")) {
            Matcher append = APPEND.matcher(Project.read(file));
            while (append.find()) {
                String topic = constants.get(append.group(1));
                if (topic == null) {
                    throw new AssertionError(file + ": Topics." + append.group(1) + " is not a topic constant");
                }
                topics.add(topic);
            }
        }
        if (!Project.service(service).consumedTopics().isEmpty()) {
            Matcher deadLetter = DEAD_LETTER.matcher(
                    Project.read("common/src/main/resources/META-INF/microprofile-config.properties"));
            if (!deadLetter.find()) {
                throw new AssertionError("common's microprofile-config.properties names no dead-letter topic");
            }
            topics.add(deadLetter.group(1));
        }
        return topics;
    }
}

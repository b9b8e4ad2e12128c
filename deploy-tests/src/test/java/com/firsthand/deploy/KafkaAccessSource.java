package com.firsthand.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which topics a service's code publishes to: every outbox.append(Topics.X, ...) in its main sources. */
final class KafkaAccessSource {

    private static final Pattern APPEND = Pattern.compile("outbox\\.append\\(\\s*Topics\\.(\\w+)");

    private KafkaAccessSource() {
    }

    static Set<String> publishedTopics(String service) {
        Map<String, String> constants = TopicsSource.constants();
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Project.path(service + "/src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher append = APPEND.matcher(Project.read(file));
                while (append.find()) {
                    String topic = constants.get(append.group(1));
                    if (topic == null) {
                        throw new AssertionError(file + ": Topics." + append.group(1) + " is not a topic constant");
                    }
                    topics.add(topic);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }
}

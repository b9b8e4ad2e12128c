package com.firsthand.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one service's own configuration (its application.properties) says about how it must be deployed. */
record ServiceFacts(String name, int port, String database, Map<String, String> properties) {

    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([^?]+).*");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");

    static ServiceFacts read(String name) {
        Map<String, String> properties = load(Project.read(name + "/src/main/resources/application.properties"));
        String port = properties.get("quarkus.http.port");
        String url = properties.get("quarkus.datasource.jdbc.url");
        if (port == null || url == null) {
            throw new IllegalStateException(name + ": application.properties lacks quarkus.http.port or a JDBC URL");
        }
        return new ServiceFacts(name, Integer.parseInt(port.trim()), databaseOf(url), properties);
    }

    /** The properties of a .properties text, in file order, profile prefixes kept. */
    static Map<String, String> load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> ordered.put(key, properties.getProperty(key)));
        return ordered;
    }

    static String databaseOf(String jdbcUrl) {
        Matcher matcher = JDBC_DATABASE.matcher(jdbcUrl.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return matcher.group(1);
    }

    /** The Kafka consumer group every channel of the service joins (kafka.group.id), or null. */
    String consumerGroup() {
        return properties.get("kafka.group.id");
    }

    /** The topics of the service's incoming channels. */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (INCOMING_TOPIC.matcher(key).matches()) {
                topics.add(value.trim());
            }
        });
        return topics;
    }
}

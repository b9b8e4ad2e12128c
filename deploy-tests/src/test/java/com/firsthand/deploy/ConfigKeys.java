package com.firsthand.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration properties one service reads, and the MicroProfile rule that names their environment
 * variables. A deployment may only set variables that map to one of these: anything else is a typo or a
 * setting the service ignores (and an unknown firsthand.* key would stop it at start-up).
 */
final class ConfigKeys {

    /**
     * Quarkus properties set by the deployment files that no application.properties declares, each with why.
     * Each must exist in Quarkus' config model as a run-time property (ConfigKeysTest checks it).
     */
    static final Map<String, String> WELL_KNOWN_QUARKUS = Map.of(
            "quarkus.http.proxy.proxy-address-forwarding",
            "the services sit behind the gateway, which sets X-Forwarded-* (the launcher sets it too)",
            "quarkus.http.proxy.allow-x-forwarded",
            "honour X-Forwarded-For/Proto/Host from the gateway (the launcher sets it too)",
            "quarkus.shutdown.timeout",
            "graceful shutdown: in-flight requests may finish after SIGTERM (below terminationGracePeriodSeconds)",
            "quarkus.http.host",
            "the image listens on every interface (JAVA_OPTS_APPEND of Quarkus' Dockerfile.jvm)",
            "quarkus.otel.exporter.otlp.traces.endpoint",
            "where the services send their traces: the cluster's OpenTelemetry collector (prod overlay)");

    /**
     * Kafka client properties the deployment sets: Quarkus hands every kafka.* property to the messaging channels
     * and common's KafkaClients to the clients it builds (outbox relay, topic provisioner, readiness check).
     */
    static final Map<String, String> KAFKA_CLIENT = Map.of(
            "kafka.security.protocol", "SASL_SSL on the TLS listener",
            "kafka.sasl.mechanism", "SCRAM-SHA-512",
            "kafka.sasl.jaas.config", "the service's KafkaUser login, from the Secret Strimzi writes",
            "kafka.ssl.truststore.location", "the cluster CA (PKCS12) mounted from Strimzi's Secret",
            "kafka.ssl.truststore.type", "PKCS12",
            "kafka.ssl.truststore.password", "the cluster CA truststore's password");

    /** Variables of the UBI OpenJDK image's run-java.sh, read by the image rather than by the application. */
    static final Map<String, String> IMAGE_VARIABLES = Map.of(
            "JAVA_OPTS_APPEND", "extra JVM options (its -D properties are checked like variables)",
            "JAVA_MAX_MEM_RATIO", "heap size as a percentage of the container memory limit");

    private final String service;
    private final Set<String> properties;

    private ConfigKeys(String service, Set<String> properties) {
        this.service = service;
        this.properties = properties;
    }

    /** The service's application.properties, common's defaults, the @ConfigMapping keys, the well-known keys. */
    static ConfigKeys of(String service) {
        Set<String> properties = new TreeSet<>();
        properties.addAll(withoutProfiles(ServiceFacts.read(service).properties().keySet()));
        properties.addAll(withoutProfiles(ServiceFacts.load(
                Project.read("common/src/main/resources/META-INF/microprofile-config.properties")).keySet()));
        properties.addAll(configMappings(service + "/src/main/java"));
        properties.addAll(configMappings("common/src/main/java"));
        properties.addAll(WELL_KNOWN_QUARKUS.keySet());
        properties.addAll(KAFKA_CLIENT.keySet());
        return new ConfigKeys(service, properties);
    }

    /** MicroProfile Config: every character other than a letter or digit becomes "_", then upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    Set<String> properties() {
        return properties;
    }

    /** The property an environment variable sets for this service, empty when it reads no such property. */
    Optional<String> propertyFor(String environmentVariable) {
        return properties.stream().filter(p -> environmentName(p).equals(environmentVariable)).findFirst();
    }

    /**
     * Problems with the variables a container sets: names that map to nothing this service reads. Image
     * variables are allowed; -D properties inside JAVA_OPTS_APPEND are checked as properties.
     */
    Map<String, String> unreadVariables(Map<String, String> environment) {
        Map<String, String> problems = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.equals("JAVA_OPTS_APPEND")) {
                for (String option : value == null ? new String[0] : value.trim().split("\\s+")) {
                    if (option.startsWith("-D") && option.contains("=")) {
                        String property = option.substring(2, option.indexOf('='));
                        if (!property.startsWith("java.") && !properties.contains(property)) {
                            problems.put(name, "-D" + property + " is not a property " + service + " reads");
                        }
                    }
                }
            } else if (!IMAGE_VARIABLES.containsKey(name) && propertyFor(name).isEmpty()) {
                problems.put(name, "maps to no property " + service + " reads");
            }
        });
        return problems;
    }

    private static Set<String> withoutProfiles(Set<String> keys) {
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            names.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        return names;
    }

    private static Set<String> configMappings(String sourceRoot) {
        Set<String> names = new TreeSet<>();
        for (Path file : Project.javaFiles(sourceRoot)) {
            String source = Project.read(file);
            if (source.contains("@ConfigMapping")) {
                names.addAll(ConfigMappingSource.propertyNames(source));
            }
        }
        return names;
    }
}

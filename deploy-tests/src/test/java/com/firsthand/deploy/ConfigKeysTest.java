package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tools of the environment checks, on known inputs, so that a broken checker cannot pass everything. */
class ConfigKeysTest {

    @Test
    void environmentNamesFollowTheMicroProfileRule() {
        assertThat(ConfigKeys.environmentName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ConfigKeys.environmentName("firsthand.admin.token")).isEqualTo("FIRSTHAND_ADMIN_TOKEN");
        assertThat(ConfigKeys.environmentName("kafka.bootstrap.servers")).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ConfigKeys.environmentName("firsthand.rate-limit.requests-per-second"))
                .isEqualTo("FIRSTHAND_RATE_LIMIT_REQUESTS_PER_SECOND");
        assertThat(ConfigKeys.environmentName("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
    }

    @Test
    void configMappingSourceYieldsNestedKebabCaseNames() {
        String source = """
                package x;
                /** Settings {@code with braces}. */
                @ConfigMapping(prefix = "firsthand.demo")
                public interface DemoConfig {
                    // a comment with a brace {
                    @WithDefault("https://example.com/{v1};")
                    String baseUrl();

                    Optional<String> apiKey();

                    @WithName("max")
                    int maximumSize();

                    Limits limits();

                    default Duration twice() {
                        return Duration.ofSeconds(maximumSize() * 2L);
                    }

                    interface Limits {
                        @WithDefault("3")
                        int retryCount();

                        Map<String, String> labels();
                    }
                }
                """;
        assertThat(ConfigMappingSource.propertyNames(source)).containsExactlyInAnyOrder(
                "firsthand.demo.base-url", "firsthand.demo.api-key", "firsthand.demo.max",
                "firsthand.demo.limits.retry-count", "firsthand.demo.limits.labels");
    }

    @Test
    void commonSettingsAreReadByEveryServiceAndOwnSettingsOnlyByTheirService() {
        for (String service : Project.SERVICE_NAMES) {
            ConfigKeys keys = ConfigKeys.of(service);
            assertThat(keys.propertyFor("FIRSTHAND_CURSOR_SECRET")).contains("firsthand.cursor.secret");
            assertThat(keys.propertyFor("FIRSTHAND_KAFKA_PROVISION_TOPICS"))
                    .contains("firsthand.kafka.provision-topics");
            assertThat(keys.propertyFor("QUARKUS_DATASOURCE_JDBC_URL")).contains("quarkus.datasource.jdbc.url");
            assertThat(keys.propertyFor("KAFKA_BOOTSTRAP_SERVERS")).contains("kafka.bootstrap.servers");
            assertThat(keys.propertyFor("KAFKA_SASL_JAAS_CONFIG")).contains("kafka.sasl.jaas.config");
            assertThat(keys.propertyFor("FIRSTHAND_CURSOR_SECRETS")).isEmpty();
        }
        assertThat(ConfigKeys.of("submissions-service").propertyFor("QUARKUS_MINIO_ACCESS_KEY")).isPresent();
        assertThat(ConfigKeys.of("jobs-service").propertyFor("QUARKUS_MINIO_ACCESS_KEY")).isEmpty();
        assertThat(ConfigKeys.of("webhook-service").propertyFor("FIRSTHAND_WEBHOOKS_ALLOW_PRIVATE_TARGETS"))
                .isPresent();
        assertThat(ConfigKeys.of("scoring-service").propertyFor("FIRSTHAND_WEBHOOKS_ALLOW_PRIVATE_TARGETS")).isEmpty();
    }

    @Test
    void unreadVariablesAreReported() {
        ConfigKeys keys = ConfigKeys.of("jobs-service");
        Map<String, String> problems = keys.unreadVariables(Map.of(
                "FIRSTHAND_ADMIN_TOKEN", "x",
                "FIRSTHAND_ADMINTOKEN", "x",
                "JAVA_MAX_MEM_RATIO", "60",
                "JAVA_OPTS_APPEND", "-Dquarkus.http.host=0.0.0.0 -Dfirsthand.nothing=1 -Xss1m"));
        assertThat(problems).containsOnlyKeys("FIRSTHAND_ADMINTOKEN", "JAVA_OPTS_APPEND");
        assertThat(problems.get("JAVA_OPTS_APPEND")).contains("firsthand.nothing");
    }

    @Test
    void wellKnownQuarkusKeysExistAndCanBeSetAtRunTime() {
        ConfigKeys.WELL_KNOWN_QUARKUS.forEach((property, reason) -> assertThat(QuarkusConfigModel.phase(property))
                .as("%s (%s) in Quarkus' config model", property, reason)
                .contains("RUN_TIME"));
        assertThat(QuarkusConfigModel.phase("quarkus.no.such.property")).isEmpty();
    }
}

package com.firsthand.common.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** The hand-built Kafka clients take the deployment's whole kafka.* configuration, security included. */
class KafkaClientsTest {

    private static final Map<String, Object> SECURED_BROKER = Map.of(
            "bootstrap.servers", "firsthand-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"firsthand-jobs\" password=\"secret\";",
            "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
            "ssl.truststore.type", "PKCS12",
            "ssl.truststore.password", "changeit",
            "group.id", "jobs-service");

    @Test
    void everyKafkaPropertyReachesTheClientUnderTheClientsOwnSettings() {
        KafkaClients clients = new KafkaClients(SECURED_BROKER);

        Map<String, Object> config = clients.config(Map.of("acks", "all", "client.id", "outbox-relay"));

        assertThat(config).containsAllEntriesOf(SECURED_BROKER).containsEntry("acks", "all")
                .containsEntry("client.id", "outbox-relay").hasSize(SECURED_BROKER.size() + 2);
    }

    @Test
    void theClientsOwnSettingsWinOverTheDeployments() {
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", "b:9092", "acks", "1"));

        assertThat(clients.config(Map.of("acks", "all"))).containsEntry("acks", "all");
    }

    @Test
    void aSecurityProtocolIsAppliedToTheBuiltClient() {
        // SASL without a login configuration: a client that received the settings refuses to start.
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1",
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512"));

        assertThatThrownBy(() -> clients.producer(Map.of()).close()).isInstanceOf(KafkaException.class)
                .hasStackTraceContaining("JAAS");
        assertThatThrownBy(() -> clients.admin(Map.of()).close()).isInstanceOf(KafkaException.class)
                .hasStackTraceContaining("JAAS");
    }

    @Test
    void onlyTheFactoryBuildsKafkaClients() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.firsthand.common");

        noClasses().that().doNotHaveFullyQualifiedName(KafkaClients.class.getName())
                .should().callConstructorWhere(DescribedPredicate.<JavaConstructorCall>describe("a Kafka client",
                        call -> call.getTargetOwner().isAssignableTo(KafkaProducer.class)
                                || call.getTargetOwner().isAssignableTo(KafkaConsumer.class)))
                .orShould().callMethod(Admin.class, "create", Map.class)
                .orShould().callMethod(Admin.class, "create", java.util.Properties.class)
                .because("a client built elsewhere would miss the deployment's security settings")
                .check(classes);
    }
}

package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What can be restored: PostgreSQL to a point in time from an off-cluster archive, files from their versions. */
class KubernetesBackupTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresArchivesItsWalAndTakesANightlyBaseBackupWithARetention(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String cluster = Workloads.postgresCluster(manifests);
        JsonNode backup = manifests.get("Cluster", cluster).path("spec").path("backup");
        assertThat(backup.path("retentionPolicy").asText()).matches("[1-9][0-9]*[dwm]");
        JsonNode store = backup.path("barmanObjectStore");
        assertThat(store.path("destinationPath").asText()).startsWith("s3://");
        assertThat(store.path("endpointURL").asText()).as("an object store outside the cluster, over TLS")
                .startsWith("https://").doesNotContain("firsthand-minio");
        assertThat(store.path("s3Credentials").path("accessKeyId").path("name").asText())
                .isEqualTo(store.path("s3Credentials").path("secretAccessKey").path("name").asText())
                .isEqualTo("firsthand-pg-backup");
        assertThat(Project.read("docs/deploy.md")).as("the backup secret is created in the runbook")
                .contains("firsthand-pg-backup");
        assertThat(manifests.ofKind("ScheduledBackup")
                .filter(b -> b.path("spec").path("cluster").path("name").asText().equals(cluster))
                .filter(b -> b.path("spec").path("schedule").asText().split(" ").length == 6))
                .as("a ScheduledBackup of %s (CloudNativePG's six-field cron, seconds first)", cluster).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theBucketKeepsOverwrittenAndDeletedFilesForThirtyDays(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String script = manifests.get("Job", "firsthand-minio-bucket").path("spec").path("template").path("spec")
                .path("containers").get(0).path("args").get(0).asText();
        assertThat(script).as("versions kept, except of the quarantined originals (workers' EXIF, deleted on purpose)")
                .contains("mc version enable --excluded-prefixes \"quarantine/\" \"fh/$BUCKET\"")
                .contains("mc ilm rule add --noncurrent-expire-days 30 \"fh/$BUCKET\"");
    }
}

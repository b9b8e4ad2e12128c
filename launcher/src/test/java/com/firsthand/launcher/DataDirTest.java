package com.firsthand.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

    @TempDir
    Path dir;

    @Test
    void secretIsGeneratedOnceAndKept() {
        DataDir dataDir = new DataDir(dir.resolve("data"));
        dataDir.create();

        String first = dataDir.secret("cursor-secret");

        assertThat(first).hasSizeGreaterThanOrEqualTo(40);
        assertThat(new DataDir(dir.resolve("data")).secret("cursor-secret")).isEqualTo(first);
        assertThat(dataDir.secret("admin-token")).isNotEqualTo(first);
    }

    @Test
    void resetDeletesADataDirectory() throws Exception {
        Path data = dir.resolve("data");
        DataDir dataDir = new DataDir(data);
        dataDir.create();
        dataDir.secret("admin-token");
        Files.createDirectories(data.resolve("postgres").resolve("data"));
        Files.writeString(data.resolve("postgres").resolve("data").resolve("PG_VERSION"), "17");

        dataDir.deleteContents();

        assertThat(data).isEmptyDirectory();
    }

    @Test
    void resetRefusesADirectoryThatIsNotOurs() throws Exception {
        Files.writeString(dir.resolve("thesis.tex"), "precious");

        assertThatThrownBy(() -> new DataDir(dir).deleteContents()).hasMessageContaining("refuses");
        assertThat(dir.resolve("thesis.tex")).exists();
    }
}

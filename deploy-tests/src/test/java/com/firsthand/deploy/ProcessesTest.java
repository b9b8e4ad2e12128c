package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing tool fails the build with what to install; it never skips the checks. */
class ProcessesTest {

    @Test
    void aMissingToolFailsWithWhatToInstall() {
        assertThatThrownBy(() -> Processes.output(Path.of("."), Duration.ofSeconds(5),
                List.of("fh-no-such-tool-on-path", "version")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl").hasMessageContaining("Node.js");
    }

    @Test
    void aFailingToolFailsWithItsErrorOutput() {
        assertThatThrownBy(() -> Processes.output(Path.of("."), Duration.ofSeconds(30),
                List.of("kubectl", "kustomize", "/nonexistent-overlay")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exit code");
    }
}

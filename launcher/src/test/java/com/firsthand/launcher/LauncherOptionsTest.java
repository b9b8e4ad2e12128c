package com.firsthand.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path DEFAULT_DIR = Path.of("/project/.data");

    @Test
    void defaults() {
        LauncherOptions options = LauncherOptions.parse(new String[0], Map.of(), DEFAULT_DIR);

        assertThat(options).isEqualTo(new LauncherOptions("127.0.0.1", 8080, DEFAULT_DIR, false, false,
                LauncherOptions.DEFAULT_UNAUTHENTICATED_RATE));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        LauncherOptions options = LauncherOptions.parse(
                new String[] {"--port", "9090", "--data-dir=/tmp/fh", "--reset", "--host=0.0.0.0",
                    "--unauthenticated-rate", "3"}, Map.of(),
                DEFAULT_DIR);

        assertThat(options).isEqualTo(new LauncherOptions("0.0.0.0", 9090, Path.of("/tmp/fh"), true, false, 3));
        assertThat(LauncherOptions.parse(new String[] {"--help"}, Map.of(), DEFAULT_DIR).help()).isTrue();
    }

    @Test
    void dataDirComesFromTheEnvironmentUnlessGiven() {
        Map<String, String> env = Map.of("FH_DATA_DIR", "/srv/fh");

        assertThat(LauncherOptions.parse(new String[0], env, DEFAULT_DIR).dataDir()).isEqualTo(Path.of("/srv/fh"));
        assertThat(LauncherOptions.parse(new String[] {"--data-dir", "/x"}, env, DEFAULT_DIR).dataDir())
                .isEqualTo(Path.of("/x"));
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--no-such"}, Map.of(), DEFAULT_DIR))
                .hasMessageContaining("unknown option --no-such");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--port", "http"}, Map.of(), DEFAULT_DIR))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--port"}, Map.of(), DEFAULT_DIR))
                .hasMessageContaining("needs a value");
    }
}

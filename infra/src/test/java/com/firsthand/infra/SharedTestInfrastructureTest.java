package com.firsthand.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quarkus loads test classes anew per test profile: every such class loader must reach the same servers. */
class SharedTestInfrastructureTest {

    @Test
    void everyClassLoaderOfTheJvmGetsTheSameServers() throws Exception {
        Map<String, String> here = SharedTestInfrastructure.config();
        try (URLClassLoader first = isolatedLoader(); URLClassLoader second = isolatedLoader()) {
            Map<String, String> fromFirst = configThrough(first);
            Map<String, String> fromSecond = configThrough(second);

            assertThat(fromFirst).isEqualTo(here).containsKeys("kafka.bootstrap.servers", "quarkus.minio.port");
            assertThat(fromSecond).isEqualTo(here);

            // An outage started through another class loader stops the one PostgreSQL every loader uses.
            String url = here.get("quarkus.datasource.jdbc.url");
            second.loadClass(SharedTestInfrastructure.class.getName()).getMethod("stopPostgres").invoke(null);
            assertThat(Ports.isOpen(Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1")))).isFalse();
            SharedTestInfrastructure.startPostgres();
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> configThrough(ClassLoader loader) throws Exception {
        Class<?> shared = loader.loadClass(SharedTestInfrastructure.class.getName());
        assertThat(shared).isNotSameAs(SharedTestInfrastructure.class);
        return (Map<String, String>) shared.getMethod("config").invoke(null);
    }

    /** A loader of this module's whole test class path that shares no class with the test's own loader. */
    private static URLClassLoader isolatedLoader() {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}

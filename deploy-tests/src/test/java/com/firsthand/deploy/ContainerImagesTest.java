package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The service Dockerfiles (Quarkus JVM layout) and the compose build from source agree with the services. */
class ContainerImagesTest {

    private static final List<String> FAST_JAR_LAYERS = List.of("lib/", "*.jar", "app/", "quarkus/");
    private static final Pattern ENV_OPTS = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"");

    @Test
    void eachServiceHasAQuarkusJvmDockerfile() {
        for (ServiceFacts service : Project.services()) {
            String file = service.name() + "/src/main/docker/Dockerfile.jvm";
            assertThat(Files.exists(Project.path(file))).as(file).isTrue();
            String dockerfile = Project.read(file);
            assertThat(dockerfile).as(file)
                    .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi\\d/openjdk-(17|21)(-runtime)?:")
                    .containsPattern("(?m)^EXPOSE " + service.port() + "$")
                    .containsPattern("(?m)^USER 185$")
                    .contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    .contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");
            for (String layer : FAST_JAR_LAYERS) {
                assertThat(dockerfile).as(file)
                        .contains("COPY --chown=185 target/quarkus-app/" + layer + " /deployments/");
            }
            assertThat(dockerfile.indexOf("USER 185")).as("%s: the user is switched before the entry point", file)
                    .isLessThan(dockerfile.indexOf("ENTRYPOINT"));
            assertJavaOptionsAreRead(service.name(), dockerfile);
        }
    }

    @Test
    void composeBuildsTheSameRuntimeImageFromSource() {
        String build = Project.read("docker/Dockerfile");
        String runtime = build.substring(build.lastIndexOf("\nFROM "));
        String jvm = Project.read("jobs-service/src/main/docker/Dockerfile.jvm");
        assertThat(firstLine(runtime.strip())).isEqualTo(firstLine(jvm.substring(jvm.indexOf("\nFROM ")).strip()));
        for (String line : List.of("USER 185", "ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"",
                "ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]")) {
            assertThat(runtime).contains(line);
        }
        assertThat(valueOf(ENV_OPTS, runtime)).isEqualTo(valueOf(ENV_OPTS, jvm));
        for (String layer : FAST_JAR_LAYERS) {
            assertThat(runtime).contains(
                    "COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/" + layer + " /deployments/");
        }
        assertThat(build).contains("-pl " + String.join(",", Project.SERVICE_NAMES) + ",api-docs -am");
        assertThat(Files.exists(Project.path("docker/Dockerfile.dockerignore"))).isTrue();
        assertThat(Project.read("docker/Dockerfile.dockerignore")).contains("**/target/");
    }

    @Test
    void theGatewayImageCarriesItsNginxConfigAndTheApiDescriptionWhereTheConfigServesIt() {
        String stage = GatewayImage.stage();
        assertThat(stage).startsWith("FROM nginxinc/nginx-unprivileged:")
                .contains("COPY docker/gateway/nginx.conf /etc/nginx/nginx.conf")
                .contains("COPY --from=build /src/api-docs/target/gateway-site/ " + GatewayImage.siteRoot() + "/");
    }

    @Test
    void readmeDocumentsTheImageBuild() {
        String readme = Project.read("README.md");
        assertThat(readme).contains("## Container images").contains("src/main/docker/Dockerfile.jvm")
                .contains("docker build");
    }

    private static void assertJavaOptionsAreRead(String service, String dockerfile) {
        Map<String, String> problems = ConfigKeys.of(service)
                .unreadVariables(Map.of("JAVA_OPTS_APPEND", valueOf(ENV_OPTS, dockerfile)));
        assertThat(problems).as("%s Dockerfile.jvm", service).isEmpty();
    }

    private static String valueOf(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("pattern %s", pattern).isTrue();
        return matcher.group(1);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}

package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deploy.md names every variable, secret and port the manifests use, so that it cannot fall behind. */
class DeployDocsTest {

    /** A schema package of src/test/node, its pinned version, and the upstream release it was generated from. */
    record SchemaSource(String npmPackage, String packageVersion, String operatorRow, String upstreamVersion) {
    }

    /**
     * Where each @kubernetes-models package's schemas come from (the package's own CHANGELOG and go.mod in
     * tommy351/kubernetes-models-ts; for Strimzi also the CRD URL in the installed package.json, checked below):
     * the operator table of docs/deploy.md must name exactly these versions, so that what is installed is what
     * deploy-tests validated against. Bumping a package in package.json fails here until this table and the docs
     * follow.
     */
    static final List<SchemaSource> SCHEMA_SOURCES = List.of(
            new SchemaSource("@kubernetes-models/strimzi-kafka-operator", "1.0.1", "Strimzi", "1.0.0"),
            new SchemaSource("@kubernetes-models/cloudnative-pg", "2.0.0", "CloudNativePG", "1.29.0"),
            new SchemaSource("@kubernetes-models/keda", "2.0.0", "KEDA", "2.19.0"),
            new SchemaSource("@kubernetes-models/gateway-api", "2.0.0", "Gateway API CRDs", "v1.5.1"),
            new SchemaSource("@kubernetes-models/prometheus-operator", "6.0.0", "kube-prometheus-stack", "v0.91.0"),
            new SchemaSource("@kubernetes-models/cert-manager", "6.0.0", "cert-manager", "v1.20.2"));

    @Test
    void theOperatorTableNamesTheVersionsWhoseSchemasDeployTestsValidate() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode dependencies = json.readTree(Project.read("deploy-tests/src/test/node/package.json"))
                .path("dependencies");
        Map<String, String> table = operatorTable();
        List<String> problems = new ArrayList<>();
        dependencies.properties().forEach(dependency -> {
            if (dependency.getKey().startsWith("@kubernetes-models/") && !dependency.getKey().endsWith("/validate")
                    && SCHEMA_SOURCES.stream().noneMatch(s -> s.npmPackage().equals(dependency.getKey()))) {
                problems.add(dependency.getKey() + " validates schemas but has no row in SCHEMA_SOURCES");
            }
        });
        for (SchemaSource source : SCHEMA_SOURCES) {
            String pinned = dependencies.path(source.npmPackage()).asText();
            if (!pinned.equals(source.packageVersion())) {
                problems.add(source.npmPackage() + " is " + pinned + " in package.json, but SCHEMA_SOURCES knows "
                        + source.packageVersion() + ": find the upstream release it was generated from");
            }
            String installed = json.readTree(Validators.installedPackage(source.npmPackage())
                    .resolve("package.json").toFile()).path("version").asText();
            if (!installed.equals(pinned)) {
                problems.add(source.npmPackage() + " installed " + installed + ", pinned " + pinned);
            }
            String version = table.get(source.operatorRow());
            if (version == null) {
                problems.add("the operator table has no row " + source.operatorRow());
            } else if (!Pattern.compile("(^|[^0-9.])" + Pattern.quote(source.upstreamVersion()) + "([^0-9.]|$)")
                    .matcher(version).find()) {
                problems.add(source.operatorRow() + ": the table says " + version + ", deploy-tests validate "
                        + source.upstreamVersion());
            }
        }
        JsonNode strimzi = json.readTree(Validators.installedPackage("@kubernetes-models/strimzi-kafka-operator")
                .resolve("package.json").toFile());
        assertThat(strimzi.path("crd-generate").path("input").toString())
                .as("the Strimzi schemas are generated from the release the table names")
                .contains("/releases/download/1.0.0/strimzi-crds-1.0.0.yaml");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperatorRowNamesOneExactVersion() {
        Map<String, String> table = operatorTable();
        assertThat(table).containsKeys("Gateway API CRDs", "Envoy Gateway", "cert-manager", "Strimzi",
                "CloudNativePG", "KEDA", "metrics-server", "kube-prometheus-stack");
        table.forEach((row, version) -> assertThat(version).as(row)
                .matches("`?v?\\d+\\.\\d+\\.\\d+`?( .*)?")
                .doesNotContainIgnoringCase("or later").doesNotContain(".x"));
    }

    @Test
    void docsNameTheEngineVersionsTheManifestsPin() {
        String docs = Project.read("docs/deploy.md");
        Manifests prod = Manifests.render("prod");
        String kafka = prod.get("Kafka", "firsthand").path("spec").path("kafka").path("version").asText();
        String postgres = prod.get("Cluster", "firsthand-pg").path("spec").path("imageName").asText();
        assertThat(kafka).as("Kafka version").matches("\\d+\\.\\d+\\.\\d+");
        assertThat(postgres).as("PostgreSQL image").contains(":").contains("@sha256:");
        assertThat(docs).contains("Kafka " + kafka).contains(postgres.substring(0, postgres.indexOf('@')));
    }

    /** The operator table of "### 1. Install the operators": first cell to the version cell (the second). */
    static Map<String, String> operatorTable() {
        String docs = Project.read("docs/deploy.md");
        int start = docs.indexOf("### 1. Install the operators");
        assertThat(start).as("docs/deploy.md has the section \"### 1. Install the operators\"").isNotNegative();
        int end = docs.indexOf("\n### ", start + 1);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : docs.substring(start, end < 0 ? docs.length() : end).lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| what") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3) {
                continue;
            }
            String name = cells[1].strip().replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
            rows.put(name, cells[2].strip());
        }
        return rows;
    }

    @Test
    void docsNameEveryVariableAndSecretOfTheServices() {
        String docs = Project.read("docs/deploy.md");
        Manifests prod = Manifests.render("prod");
        Set<String> missing = new TreeSet<>();
        for (ServiceFacts service : Project.services()) {
            Workloads.environment(prod, service.name()).forEach((name, value) -> {
                if (!docs.contains("`" + name + "`") && !docs.contains(name + "`,") && !docs.contains(", `" + name)) {
                    missing.add(name);
                }
                if (value.startsWith("secret:")) {
                    String secret = value.substring("secret:".length(), value.indexOf('/'));
                    if (!docs.contains(secret)) {
                        missing.add(secret);
                    }
                }
            });
            if (!docs.contains("| " + service.name() + " | " + service.port() + " |")) {
                missing.add(service.name() + " port " + service.port());
            }
        }
        assertThat(missing).isEmpty();
    }
}

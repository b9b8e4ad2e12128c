package com.firsthand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects of one k8s/ overlay, rendered offline by {@code kubectl kustomize}. */
final class Manifests {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Manifests> RENDERED = new HashMap<>();

    private final String overlay;
    private final Path file;
    private final List<JsonNode> objects;

    private Manifests(String overlay, Path file, List<JsonNode> objects) {
        this.overlay = overlay;
        this.file = file;
        this.objects = objects;
    }

    static synchronized Manifests render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::renderNow);
    }

    private static Manifests renderNow(String overlay) {
        Path dir = Project.path("k8s/overlays/" + overlay);
        String yaml = Processes.output(Project.root(), Duration.ofSeconds(60),
                List.of("kubectl", "kustomize", dir.toString()));
        try {
            Path file = Path.of(System.getProperty("fh.node.dir", "target/node"))
                    .resolve("rendered-" + overlay + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return new Manifests(overlay, file, parse(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    String overlay() {
        return overlay;
    }

    Path file() {
        return file;
    }

    List<JsonNode> all() {
        return objects;
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "overlay " + overlay + " renders no " + kind + " named " + name));
    }
}

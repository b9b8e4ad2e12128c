package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Images are pinned by digest: every third-party image the deployment files run or build on is {@code tag@sha256},
 * and k8s/pin-images.sh pins the prod overlay to the digests of our own pushed images.
 */
class ImageDigestsTest {

    private static final Pattern PINNED = Pattern.compile("^[a-z0-9][a-z0-9./_-]*:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}$");
    private static final Pattern DIGEST_ONLY = Pattern.compile("^[a-z0-9][a-z0-9./_-]*@sha256:[0-9a-f]{64}$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final List<String> OUR_IMAGES = List.of("jobs-service", "submissions-service", "scoring-service",
            "webhook-service", "gateway");

    /**
     * Third-party images still referenced by tag only, each with the reason. No digest of these tags could be
     * confirmed from at least three independent public sources (no registry is reachable where this was written);
     * docs/deploy.md says so too. An entry must still be in use and still unpinned, so the list cannot go stale.
     */
    private static final Map<String, String> AWAITING_DIGEST = Map.of(
            "registry.access.redhat.com/ubi8/openjdk-17:1.23",
            "the services' runtime base (Dockerfile.jvm, docker/Dockerfile): pin with `crane digest` before release");

    @Test
    void everyThirdPartyImageOfTheOverlaysComposeAndDockerfilesIsPinnedToATagAndItsDigest() {
        Map<String, Set<String>> images = thirdPartyImages();
        assertThat(images).as("third-party images found").containsKeys("minio/minio", "minio/mc", "apache/kafka",
                "postgres", "ghcr.io/cloudnative-pg/postgresql", "nginxinc/nginx-unprivileged", "maven",
                "registry.access.redhat.com/ubi8/openjdk-17");
        List<String> unpinned = new ArrayList<>();
        Set<String> awaiting = new TreeSet<>();
        images.forEach((name, references) -> references.forEach(reference -> {
            String image = reference.substring(0, reference.indexOf(" ("));
            if (AWAITING_DIGEST.containsKey(image)) {
                awaiting.add(image);
            } else if (!PINNED.matcher(image).matches()) {
                unpinned.add(reference);
            }
        }));
        assertThat(unpinned).as("third-party images not pinned as tag@sha256:<64 hex>").isEmpty();
        assertThat(awaiting).as("every image listed as awaiting a digest is still in use unpinned")
                .containsExactlyInAnyOrderElementsOf(AWAITING_DIGEST.keySet());
    }

    @Test
    void oneThirdPartyImageHasOneDigestEverywhere() {
        Map<String, Set<String>> digests = new TreeMap<>();
        thirdPartyImages().values().forEach(references -> references.forEach(reference -> {
            String image = reference.substring(0, reference.indexOf(" ("));
            int at = image.indexOf('@');
            if (at > 0) {
                digests.computeIfAbsent(image.substring(0, at), key -> new TreeSet<>()).add(image.substring(at + 1));
            }
        }));
        digests.forEach((image, values) -> assertThat(values).as(image).hasSize(1));
    }

    /**
     * Runs the release script k8s/pin-images.sh on a copy of k8s/ with a stub {@code crane} on the PATH. The stub is
     * a test double of the registry, acceptable here only because what is under test is the script: that it asks
     * for exactly our five images at the given registry and version, and that what it writes into the prod overlay
     * makes every image of the rendered overlay a digest. The stub answers {@code crane digest REF} the way crane
     * does (one line, {@code sha256:<64 hex>}), with a digest derived from REF.
     */
    @Test
    void pinImagesWritesTheRegistryDigestOfEachOfOurImagesIntoTheProdOverlay() throws Exception {
        Path work = Files.createTempDirectory("fh-pin-images");
        try {
            Path k8s = copyOfK8s(work);
            Path calls = work.resolve("crane-calls.txt");
            Path bin = stubCrane(work, calls, "printf 'sha256:%s\\n' \"$(printf '%s' \"$2\" | sha256sum | cut -c1-64)\"");

            Processes.Result result = pinImages(k8s, bin, "registry.test/acme", "9.9.9");
            assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();

            List<String> expectedCalls = OUR_IMAGES.stream()
                    .map(image -> "digest registry.test/acme/firsthand/" + image + ":9.9.9").toList();
            assertThat(Files.readAllLines(calls)).containsExactlyInAnyOrderElementsOf(expectedCalls);

            List<JsonNode> rendered = Manifests.parse(Processes.output(work, Duration.ofSeconds(60),
                    List.of("kubectl", "kustomize", k8s.resolve("overlays/prod").toString())));
            List<String> notDigests = new ArrayList<>();
            Set<String> ours = new TreeSet<>();
            for (JsonNode object : rendered) {
                for (String image : images(object)) {
                    if (!DIGEST_ONLY.matcher(image).matches() && !PINNED.matcher(image).matches()
                            && !AWAITING_DIGEST.containsKey(image)) {
                        notDigests.add(image);
                    }
                    if (image.startsWith("registry.test/acme/firsthand/")) {
                        ours.add(image);
                    }
                }
            }
            assertThat(notDigests).as("images of the pinned prod overlay that are not digests").isEmpty();
            assertThat(ours).containsExactlyInAnyOrderElementsOf(OUR_IMAGES.stream()
                    .map(image -> "registry.test/acme/firsthand/" + image + "@sha256:"
                            + sha256("registry.test/acme/firsthand/" + image + ":9.9.9"))
                    .toList());
        } finally {
            deleteRecursively(work);
        }
    }

    @Test
    void pinImagesRefusesAnAnswerThatIsNotADigestAndChangesNothing() throws Exception {
        Path work = Files.createTempDirectory("fh-pin-images");
        try {
            Path k8s = copyOfK8s(work);
            Path kustomization = k8s.resolve("overlays/prod/kustomization.yaml");
            String before = Files.readString(kustomization);
            Path bin = stubCrane(work, work.resolve("crane-calls.txt"), "echo latest");

            Processes.Result result = pinImages(k8s, bin, "registry.test/acme", "9.9.9");
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).contains("is not a sha256 digest");
            assertThat(Files.readString(kustomization)).isEqualTo(before);
        } finally {
            deleteRecursively(work);
        }
    }

    @Test
    void docsTellHowToPinTheImages() {
        String docs = Project.read("docs/deploy.md");
        assertThat(docs).contains("k8s/pin-images.sh").contains("crane");
        AWAITING_DIGEST.keySet().forEach(image -> assertThat(docs).as("docs name %s as not pinned", image)
                .contains(image));
    }

    /** Image name (without tag or digest) to the references of it, each "image (where)". */
    private static Map<String, Set<String>> thirdPartyImages() {
        Map<String, Set<String>> images = new TreeMap<>();
        for (String overlay : List.of("dev", "prod")) {
            for (JsonNode object : Manifests.render(overlay).all()) {
                String where = overlay + " " + object.path("kind").asText() + "/"
                        + object.path("metadata").path("name").asText();
                images(object).forEach(image -> addThirdParty(images, image, where));
            }
        }
        try {
            JsonNode compose = Manifests.parse(Project.read("docker-compose.yml")).get(0);
            compose.path("services").properties().forEach(service -> {
                String image = service.getValue().path("image").asText("");
                if (!image.isEmpty()) {
                    addThirdParty(images, image, "docker-compose.yml " + service.getKey());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> dockerfiles = new ArrayList<>(List.of("docker/Dockerfile"));
        Project.SERVICE_NAMES.forEach(service -> dockerfiles.add(service + "/src/main/docker/Dockerfile.jvm"));
        for (String dockerfile : dockerfiles) {
            String text = Project.read(dockerfile);
            Set<String> stages = new TreeSet<>();
            Matcher stage = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(text);
            while (stage.find()) {
                stages.add(stage.group(1));
            }
            Matcher from = FROM.matcher(text);
            while (from.find()) {
                if (!stages.contains(from.group(1))) {
                    addThirdParty(images, from.group(1), dockerfile);
                }
            }
        }
        return images;
    }

    private static void addThirdParty(Map<String, Set<String>> images, String image, String where) {
        if (image.startsWith("firsthand/") || image.contains("/firsthand/")) {
            return;
        }
        String name = image.replaceAll("@.*$", "").replaceAll(":[^/:]*$", "");
        images.computeIfAbsent(name, key -> new TreeSet<>()).add(image + " (" + where + ")");
    }

    /** Every container image of an object: {@code image} of (init) containers, and a CNPG Cluster's imageName. */
    private static List<String> images(JsonNode object) {
        List<String> images = new ArrayList<>();
        collect(object, images);
        return images;
    }

    private static void collect(JsonNode node, List<String> images) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if ((field.getKey().equals("image") || field.getKey().equals("imageName"))
                        && field.getValue().isTextual()) {
                    images.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), images);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, images));
        }
    }

    private static Path copyOfK8s(Path work) throws IOException {
        Path source = Project.path("k8s");
        Path target = work.resolve("k8s");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** A {@code crane} that records its arguments and runs {@code answer} (a shell snippet; $2 is the reference). */
    private static Path stubCrane(Path work, Path calls, String answer) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path crane = bin.resolve("crane");
        Files.writeString(crane, "#!/bin/sh\n"
                + "# Test double of the registry for ImageDigestsTest: answers `crane digest REF` only.\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "[ \"$1\" = digest ] || exit 64\n"
                + answer + "\n");
        Files.setPosixFilePermissions(crane, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static Processes.Result pinImages(Path k8s, Path bin, String registry, String version) {
        return Processes.run(k8s.getParent(), Duration.ofSeconds(60),
                List.of("bash", k8s.resolve("pin-images.sh").toString(), registry, version),
                Map.of("PATH", bin + ":" + System.getenv("PATH")));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * In prod MinIO serves TLS only, with a certificate of the namespace's internal CA (cert-manager), and everything
 * that calls it (the services, the bucket Job, its own peers, the Gateway) speaks https and trusts that CA; dev
 * stays plain http.
 */
class KubernetesMinioTlsTest {

    private static final String CA_ISSUER = "firsthand-internal-ca";
    private static final Pattern ELLIPSIS = Pattern.compile("\\{(\\d+)\\.\\.\\.(\\d+)}");

    @Test
    void prodMinioServesTlsFromItsCertificatesSecret() {
        Manifests prod = Manifests.render("prod");
        JsonNode pod = minioPod(prod);
        JsonNode minio = pod.path("containers").get(0);
        List<String> args = texts(minio.path("args"));

        assertThat(serverUrls(args)).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith("https://"));
        int certsDir = args.indexOf("--certs-dir");
        assertThat(certsDir).as("MinIO reads its certificate from --certs-dir").isNotNegative();
        JsonNode volume = mountedVolume(pod, minio, args.get(certsDir + 1));
        String secret = volume.path("secret").path("secretName").asText();
        assertThat(items(volume)).containsExactlyInAnyOrderEntriesOf(
                Map.of("tls.crt", "public.crt", "tls.key", "private.key", "ca.crt", "CAs/ca.crt"));
        assertThat(issuedByTheInternalCa(prod, secret)).as("Secret %s comes from a Certificate of %s", secret,
                CA_ISSUER).isTrue();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertThat(minio.path(probe).path("httpGet").path("scheme").asText()).as(probe).isEqualTo("HTTPS");
        }
    }

    @Test
    void prodClientsOfMinioSpeakHttpsAndTrustTheInternalCa() {
        Manifests prod = Manifests.render("prod");
        List<ServiceFacts> clients = minioClients();
        assertThat(clients).extracting(ServiceFacts::name).contains("submissions-service", "scoring-service");
        for (ServiceFacts service : clients) {
            Map<String, String> env = Workloads.environment(prod, service.name());
            assertThat(env.get("QUARKUS_MINIO_HOST")).as(service.name()).startsWith("https://");
            assertThat(env.get("QUARKUS_MINIO_SECURE")).as(service.name()).isEqualTo("true");
            String trustCa = env.get("FIRSTHAND_STORAGE_TRUST_CA");
            assertThat(trustCa).as("%s trusts the internal CA", service.name()).isNotNull();
            assertThat(internalCaFile(prod, Workloads.podSpec(prod, service.name()),
                    Workloads.container(prod, service.name()), trustCa)).as("%s: %s", service.name(), trustCa).isTrue();
        }

        JsonNode jobPod = bucketJobPod(prod);
        JsonNode mc = jobPod.path("containers").get(0);
        Map<String, String> env = PodEnvironment.of(mc, prod);
        assertThat(env.get("MINIO_URL")).startsWith("https://");
        assertThat(internalCaFile(prod, jobPod, mc, env.get("MC_CONFIG_DIR") + "/certs/CAs/ca.crt"))
                .as("mc trusts the CAs in $MC_CONFIG_DIR/certs/CAs").isTrue();
    }

    @Test
    void prodMinioCertificateNamesEveryHostItIsCalledBy() {
        Manifests prod = Manifests.render("prod");
        JsonNode certificate = certificateOfSecret(prod, minioCertificateSecret(prod)).orElseThrow();
        List<String> dnsNames = texts(certificate.path("spec").path("dnsNames"));
        String namespace = certificate.path("metadata").path("namespace").asText();

        List<String> hosts = new ArrayList<>();
        for (ServiceFacts service : minioClients()) {
            hosts.add(host(Workloads.environment(prod, service.name()).get("QUARKUS_MINIO_HOST")));
        }
        hosts.add(host(PodEnvironment.of(bucketJobPod(prod).path("containers").get(0), prod).get("MINIO_URL")));
        serverUrls(texts(minioPod(prod).path("containers").get(0).path("args")))
                .forEach(url -> hosts.addAll(expand(host(url))));
        prod.ofKind("BackendTLSPolicy")
                .forEach(policy -> hosts.add(policy.path("spec").path("validation").path("hostname").asText()));

        assertThat(hosts).hasSizeGreaterThan(4).allSatisfy(host -> assertThat(dnsNames)
                .as("a name of the certificate covers %s", host).anyMatch(name -> covers(name, host)));
        dnsNames.stream().filter(name -> name.contains(".svc")).forEach(name -> assertThat(name)
                .as("names the overlay's namespace").contains("." + namespace + ".svc"));
    }

    @Test
    void prodGatewayChecksMinioCertificateOnTheFilesRoute() {
        Manifests prod = Manifests.render("prod");
        JsonNode backend = prod.get("HTTPRoute", "firsthand-files").path("spec").path("rules").get(0)
                .path("backendRefs").get(0);
        JsonNode policy = prod.ofKind("BackendTLSPolicy")
                .filter(p -> p.path("spec").path("targetRefs").toString().contains(
                        "\"name\":\"" + backend.path("name").asText() + "\""))
                .findFirst().orElseThrow(() -> new AssertionError("no BackendTLSPolicy for " + backend));
        JsonNode validation = policy.path("spec").path("validation");
        assertThat(validation.path("caCertificateRefs")).hasSize(1);
        JsonNode ca = validation.path("caCertificateRefs").get(0);
        assertThat(ca.path("kind").asText()).isEqualTo("Secret");
        assertThat(issuedByTheInternalCa(prod, ca.path("name").asText())).isTrue();
    }

    @Test
    void devMinioStaysPlainHttp() {
        Manifests dev = Manifests.render("dev");
        for (ServiceFacts service : minioClients()) {
            Map<String, String> env = Workloads.environment(dev, service.name());
            assertThat(env.get("QUARKUS_MINIO_HOST")).as(service.name()).startsWith("http://");
            assertThat(env.get("QUARKUS_MINIO_SECURE")).as(service.name()).isEqualTo("false");
            assertThat(env).as(service.name()).doesNotContainKey("FIRSTHAND_STORAGE_TRUST_CA");
        }
        assertThat(texts(minioPod(dev).path("containers").get(0).path("args"))).doesNotContain("--certs-dir");
        assertThat(PodEnvironment.of(bucketJobPod(dev).path("containers").get(0), dev).get("MINIO_URL"))
                .startsWith("http://");
        assertThat(dev.ofKind("Certificate")).isEmpty();
    }

    /** The services whose code talks to the object store. */
    private static List<ServiceFacts> minioClients() {
        return Project.services().stream().filter(s -> s.properties().containsKey("quarkus.minio.host")).toList();
    }

    private static JsonNode minioPod(Manifests manifests) {
        return manifests.get("StatefulSet", "firsthand-minio").path("spec").path("template").path("spec");
    }

    private static JsonNode bucketJobPod(Manifests manifests) {
        return manifests.get("Job", "firsthand-minio-bucket").path("spec").path("template").path("spec");
    }

    private static String minioCertificateSecret(Manifests manifests) {
        List<String> args = texts(minioPod(manifests).path("containers").get(0).path("args"));
        JsonNode volume = mountedVolume(minioPod(manifests), minioPod(manifests).path("containers").get(0),
                args.get(args.indexOf("--certs-dir") + 1));
        return volume.path("secret").path("secretName").asText();
    }

    private static List<String> serverUrls(List<String> args) {
        return args.stream().filter(arg -> arg.contains("://")).toList();
    }

    private static String host(String url) {
        return url.replaceFirst("^[a-z]+://", "").split("[/:]")[0];
    }

    /** The host names a MinIO server host with an ellipsis stands for: firsthand-minio-{0...3}.x, four of them. */
    private static List<String> expand(String host) {
        Matcher ellipsis = ELLIPSIS.matcher(host);
        if (!ellipsis.find()) {
            return List.of(host);
        }
        return IntStream.rangeClosed(Integer.parseInt(ellipsis.group(1)), Integer.parseInt(ellipsis.group(2)))
                .mapToObj(i -> host.substring(0, ellipsis.start()) + i + host.substring(ellipsis.end())).toList();
    }

    /** A certificate's DNS name covers a host: equal, or a wildcard standing for exactly its first label. */
    private static boolean covers(String dnsName, String host) {
        if (dnsName.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(dnsName.substring(1));
        }
        return dnsName.equals(host);
    }

    /** The file is key ca.crt of a Secret that a Certificate of the internal CA issuer writes, mounted there. */
    private static boolean internalCaFile(Manifests manifests, JsonNode pod, JsonNode container, String file) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String dir = mount.path("mountPath").asText();
            if (!file.startsWith(dir + "/")) {
                continue;
            }
            JsonNode volume = volume(pod, mount.path("name").asText());
            String secret = volume.path("secret").path("secretName").asText();
            String path = file.substring(dir.length() + 1);
            boolean caCrt = items(volume).entrySet().stream()
                    .anyMatch(item -> item.getKey().equals("ca.crt") && item.getValue().equals(path));
            return caCrt && issuedByTheInternalCa(manifests, secret);
        }
        return false;
    }

    /** A Certificate of the internal CA writes the Secret: a CA Issuer whose key a self-signed CA Certificate made. */
    private static boolean issuedByTheInternalCa(Manifests manifests, String secret) {
        Optional<JsonNode> certificate = certificateOfSecret(manifests, secret);
        if (certificate.isEmpty()) {
            return false;
        }
        JsonNode issuerRef = certificate.get().path("spec").path("issuerRef");
        if (!issuerRef.path("name").asText().equals(CA_ISSUER) || !issuerRef.path("kind").asText("Issuer")
                .equals("Issuer")) {
            return false;
        }
        String caSecret = manifests.get("Issuer", CA_ISSUER).path("spec").path("ca").path("secretName").asText();
        return certificateOfSecret(manifests, caSecret)
                .filter(ca -> ca.path("spec").path("isCA").asBoolean())
                .map(ca -> manifests.get("Issuer", ca.path("spec").path("issuerRef").path("name").asText()))
                .filter(selfSigned -> selfSigned.path("spec").has("selfSigned"))
                .isPresent();
    }

    private static Optional<JsonNode> certificateOfSecret(Manifests manifests, String secret) {
        return manifests.ofKind("Certificate")
                .filter(c -> c.path("spec").path("secretName").asText().equals(secret)).findFirst();
    }

    private static JsonNode mountedVolume(JsonNode pod, JsonNode container, String mountPath) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(mountPath)) {
                return volume(pod, mount.path("name").asText());
            }
        }
        throw new AssertionError(container.path("name").asText() + " mounts nothing at " + mountPath);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static Map<String, String> items(JsonNode secretVolume) {
        Map<String, String> items = new LinkedHashMap<>();
        secretVolume.path("secret").path("items")
                .forEach(item -> items.put(item.path("key").asText(), item.path("path").asText()));
        return items;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

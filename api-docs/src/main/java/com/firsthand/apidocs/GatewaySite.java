package com.firsthand.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API description as files, for the nginx gateway of docker compose and Kubernetes (docker/gateway): written at
 * build time from the services' stored documents (quarkus.smallrye-openapi.store-schema-directory), so the image
 * carries the description of the code it was built with. The document's server is {@link #SERVER_URL_PLACEHOLDER},
 * which nginx replaces with the URL the caller reached it at, as the launcher's gateway names it.
 */
public final class GatewaySite {

    public static final String JSON_FILE = "openapi.json";
    public static final String YAML_FILE = "openapi.yaml";
    public static final String PAGE_FILE = "docs.html";
    public static final String SERVER_URL_PLACEHOLDER = "https://gateway.firsthand.invalid";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private GatewaySite() {
    }

    /** {@code <output directory> <service document>...} */
    public static void main(String[] args) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            documents.add(JSON.readTree(Path.of(args[i]).toFile()));
        }
        write(Path.of(args[0]), documents);
    }

    /** The description (JSON and YAML), the page, and the page's assets below {@code docs/}. */
    public static void write(Path site, List<JsonNode> documents) throws IOException {
        JsonNode description = ApiDescription.merge(documents, SERVER_URL_PLACEHOLDER);
        Files.createDirectories(site.resolve("docs"));
        Files.writeString(site.resolve(JSON_FILE), json(description));
        Files.writeString(site.resolve(YAML_FILE), yaml(description));
        Files.writeString(site.resolve(PAGE_FILE), DocsPage.HTML);
        for (String asset : DocsPage.ASSETS) {
            Files.write(site.resolve("docs").resolve(asset), DocsPage.asset(asset).orElseThrow());
        }
    }

    /**
     * The URL a caller reached the gateway at, the description's server, so a generated client works as is: the
     * forwarded scheme and host of a proxy in front, else the request's own. Only plain host names and http(s), in
     * any case, are taken: nginx writes the value into the document as it is (docker/gateway/nginx.conf applies the
     * same rule).
     */
    public static String serverUrl(String forwardedProto, String forwardedHost, String host, String scheme) {
        String proto = "http".equalsIgnoreCase(forwardedProto) || "https".equalsIgnoreCase(forwardedProto)
                ? forwardedProto.toLowerCase(Locale.ROOT) : scheme;
        String authority = forwardedHost != null && HOST.matcher(forwardedHost).matches() ? forwardedHost
                : host != null && HOST.matcher(host).matches() ? host : "localhost";
        return proto + "://" + authority;
    }

    public static String json(JsonNode description) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String yaml(JsonNode description) {
        try {
            return YAML.writeValueAsString(description);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

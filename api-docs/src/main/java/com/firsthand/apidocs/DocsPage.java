package com.firsthand.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The human page of the API description, {@code /docs}: Swagger UI from its webjar (no CDN at run time) reading the
 * gateway's {@code /openapi.json}. The launcher's gateway serves it from the classpath, the nginx gateway from the
 * files {@link GatewaySite} writes.
 */
public final class DocsPage {

    public static final String PATH = "/docs";
    /** The webjar files the page loads, served below {@code /docs/}. */
    public static final List<String> ASSETS = List.of("swagger-ui.css", "swagger-ui-bundle.js");
    public static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>FirstHand API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
              </script>
            </body>
            </html>
            """;
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String VERSION = webjarVersion();

    private DocsPage() {
    }

    /** One of {@link #ASSETS}, empty for any other name. */
    public static Optional<byte[]> asset(String name) {
        if (!ASSETS.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(WEBJAR + VERSION + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar " + VERSION + " has no " + name);
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String contentType(String asset) {
        return asset.endsWith(".js") ? "text/javascript" : "text/css";
    }

    private static String webjarVersion() {
        try (InputStream in = DocsPage.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.firsthand.deploy;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docker/gateway/nginx.conf run by a real nginx (Debian's, which .ci/run installs), as the gateway image runs it.
 * Only what the deployment decides is replaced: the upstream servers become local stand-ins that answer with their
 * service's name in {@code X-Backend}, the listen ports free local ones, the site root the files api-docs built
 * (the image's COPY), and /tmp a directory of this run's.
 */
final class NginxGateway implements AutoCloseable {

    static final String BACKEND_HEADER = "X-Backend";
    private static final String SITE = "api-docs/target/gateway-site";

    private final Process nginx;
    private final List<HttpServer> backends;
    private final int port;
    private final Path logs;

    private NginxGateway(Process nginx, List<HttpServer> backends, int port, Path logs) {
        this.nginx = nginx;
        this.backends = backends;
        this.port = port;
        this.logs = logs;
    }

    /** @param down upstream hosts to leave without a server, as when a service is not running */
    static NginxGateway start(Path work, String... down) throws IOException {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        String conf = Project.read("docker/gateway/nginx.conf");
        List<HttpServer> backends = new ArrayList<>();
        for (Map.Entry<String, NginxRoutes.Server> upstream : NginxRoutes.parse(conf).upstreams().entrySet()) {
            NginxRoutes.Server server = upstream.getValue();
            int local = List.of(down).contains(server.host()) ? freePort() : backend(server.host(), backends);
            conf = conf.replace("server " + server.host() + ":" + server.port() + ";", "server 127.0.0.1:" + local + ";");
        }
        int port = freePort();
        conf = replaceOnce(conf, "listen 8080;", "listen 127.0.0.1:" + port + ";");
        conf = replaceOnce(conf, "listen 9901;", "listen 127.0.0.1:" + freePort() + ";");
        // What nginx writes (its pid and temporary files) goes to this run's directory; then the site root, which may
        // itself lie below /tmp.
        conf = conf.replace(" /tmp/", " " + work + "/");
        conf = conf.replace("root /usr/share/nginx/firsthand;", "root " + Project.path(SITE) + ";");
        Files.writeString(work.resolve("nginx.conf"), conf);
        Path logs = work.resolve("nginx.log");
        Process nginx = new ProcessBuilder(executable(), "-p", work.toString(), "-c", work.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(logs.toFile()).start();
        NginxGateway gateway = new NginxGateway(nginx, backends, port, logs);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(logs));
            }
            return accepts(port);
        });
        return gateway;
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    String log() throws IOException {
        return Files.readString(logs);
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            nginx.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backends.forEach(server -> server.stop(0));
    }

    private static int backend(String name, List<HttpServer> backends) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add(BACKEND_HEADER, name);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        backends.add(server);
        return server.getAddress().getPort();
    }

    private static String executable() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("nginx is needed to test the gateway's configuration: apt-get install nginx-light "
                + "(.ci/run installs it)");
    }

    private static String replaceOnce(String conf, String directive, String replacement) {
        if (conf.indexOf(directive) < 0 || conf.indexOf(directive) != conf.lastIndexOf(directive)) {
            throw new AssertionError("nginx.conf must have exactly one '" + directive + "'");
        }
        return conf.replace(directive, replacement);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

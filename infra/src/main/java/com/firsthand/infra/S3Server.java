package com.firsthand.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * S3Proxy, a real S3-compatible server, in a child JVM on the filesystem backend. Requests must be signed
 * (AWS v2 or v4) with the configured access and secret key, as MinIO would require. Plain HTTP, or HTTPS only
 * with the certificate of a PKCS12 key store ({@link #startTls}).
 */
public final class S3Server implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private final Path keyStore;
    private final String keyStorePassword;
    private ChildJvm child;

    private S3Server(Path dataDir, int port, String accessKey, String secretKey, Path keyStore,
            String keyStorePassword) {
        this.dataDir = dataDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
    }

    public static S3Server start(Path dataDir, int port, String accessKey, String secretKey) {
        S3Server server = new S3Server(dataDir, port, accessKey, secretKey, null, null);
        server.start();
        return server;
    }

    /** HTTPS only, presenting the key and certificate chain of {@code keyStore} (PKCS12). */
    public static S3Server startTls(Path dataDir, int port, String accessKey, String secretKey, Path keyStore,
            String keyStorePassword) {
        S3Server server = new S3Server(dataDir, port, accessKey, secretKey, keyStore, keyStorePassword);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (child != null && child.isAlive()) {
            return;
        }
        Ports.requireBindable("S3Proxy", port);
        try {
            Path blobs = Files.createDirectories(dataDir.resolve("blobs"));
            Path config = dataDir.resolve("s3proxy.properties");
            String listener = keyStore == null ? "s3proxy.endpoint=http://127.0.0.1:" + port
                    : String.join("\n", "s3proxy.secure-endpoint=https://127.0.0.1:" + port,
                            "s3proxy.keystore-path=" + keyStore, "s3proxy.keystore-password=" + keyStorePassword);
            Files.writeString(config, String.join("\n",
                    listener,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + accessKey,
                    "s3proxy.credential=" + secretKey,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + blobs,
                    ""));
            String jar = ChildJvm.classpathResource("s3proxy.classpath");
            child = ChildJvm.start("s3proxy", jar, List.of("-Xmx256m", "-XX:+UseSerialGC"),
                    "org.gaul.s3proxy.Main", List.of("--properties", config.toString()),
                    dataDir.resolve("s3proxy.log"));
            child.awaitPort(port, Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return (keyStore == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            child.close();
        }
    }
}

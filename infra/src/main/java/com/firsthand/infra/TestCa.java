package com.firsthand.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority for tests that need real TLS, made with the JDK's keytool: its certificate as PEM (what a
 * client is told to trust) and PKCS12 key stores of server certificates it signs (what a server presents).
 */
public final class TestCa {

    /** The password of every key store this class writes. */
    public static final String PASSWORD = "changeit";

    private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    private final Path dir;
    private final Path keyStore;
    private final Path certificate;

    private TestCa(Path dir) {
        this.dir = dir;
        this.keyStore = dir.resolve("ca.p12");
        this.certificate = dir.resolve("ca.pem");
    }

    /** A new CA (EC P-256, valid two days) in {@code dir}, named {@code commonName}. */
    public static TestCa create(Path dir, String commonName) {
        TestCa ca = new TestCa(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ca.keytool("-genkeypair", "-alias", "ca", "-keystore", ca.keyStore.toString(), "-storepass", PASSWORD,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=" + commonName,
                "-ext", "BasicConstraints:critical=ca:true", "-ext", "KeyUsage:critical=keyCertSign,cRLSign");
        ca.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.keyStore.toString(), "-storepass",
                PASSWORD, "-file", ca.certificate.toString());
        return ca;
    }

    /** The CA's certificate, PEM encoded. */
    public Path certificate() {
        return certificate;
    }

    /**
     * A PKCS12 key store (password {@link #PASSWORD}) holding a server key and its certificate, signed by this CA,
     * for the DNS names and IP addresses given, with the CA's certificate in its chain.
     */
    public Path issueServerKeyStore(String name, List<String> dnsNames, List<String> ipAddresses) {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + ".pem");
        List<String> subjectAltNames = new ArrayList<>();
        dnsNames.forEach(dns -> subjectAltNames.add("dns:" + dns));
        ipAddresses.forEach(ip -> subjectAltNames.add("ip:" + ip));
        keytool("-genkeypair", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=" + name);
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-infile", request.toString(), "-outfile", signed.toString(), "-validity", "2",
                "-ext", "SubjectAlternativeName=" + String.join(",", subjectAltNames),
                "-ext", "ExtendedKeyUsage=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", signed.toString());
        return store;
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(KEYTOOL));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(dir, "keytool", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Files.delete(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}

package com.firsthand.common.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for one client that talks to a server certified by an internal CA: the JDK's default anchors plus the
 * certificates of a PEM bundle. Give it to that client only; the JVM-wide default stays as it is, so that other
 * clients (an AI provider, webhook endpoints) trust the public CAs and nothing else.
 */
public record CaBundleTrust(X509TrustManager trustManager, SSLSocketFactory socketFactory) {

    /**
     * @throws IllegalArgumentException naming the file, when it cannot be read or holds no X.509 certificate
     */
    public static CaBundleTrust jdkDefaultsPlus(Path pemBundle) {
        List<X509Certificate> added = read(pemBundle);
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            X509Certificate[] defaults = defaultTrustManager().getAcceptedIssuers();
            for (int i = 0; i < defaults.length; i++) {
                anchors.setCertificateEntry("jdk-" + i, defaults[i]);
            }
            for (int i = 0; i < added.size(); i++) {
                anchors.setCertificateEntry("added-" + i, added.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509TrustManager trustManager = x509(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return new CaBundleTrust(trustManager, context.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store with the CA bundle " + pemBundle, e);
        }
    }

    private static List<X509Certificate> read(Path pemBundle) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemBundle)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA bundle " + pemBundle + ": " + e, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the CA bundle " + pemBundle + " is not PEM X.509 certificates: "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the CA bundle " + pemBundle + " holds no certificate");
        }
        return certificates.stream().map(X509Certificate.class::cast).toList();
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK offers no X509TrustManager");
    }
}

package com.firsthand.webhook.delivery;

import com.firsthand.common.api.ApiException;
import com.firsthand.webhook.domain.TargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Checks an endpoint URL when it is created or changed: https (or http where allowed), a host, public addresses. */
@ApplicationScoped
public class TargetUrls {

    static final int MAX_LENGTH = 2048;

    private final TargetPolicy policy;
    private final Resolver resolver;

    /** Host resolution, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    public TargetUrls(TargetPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    public TargetUrls(TargetPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** The URL as given when acceptable; otherwise a 400 naming {@code url}. */
    public String check(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.missingParam("url");
        }
        if (url.length() > MAX_LENGTH) {
            throw invalid("url must be at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("url must be an http or https URL.");
        }
        if (policy.requireHttps() && !scheme.equals("https")) {
            throw invalid("url must be an https URL: webhooks are delivered over TLS only.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url must have a host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url must not contain credentials.");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw invalid("url's host " + host + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                // Which internal address a name resolves to is not the caller's business.
                throw invalid("url's host resolves to a non-public address; webhooks go to public addresses only.");
            }
        }
        return url;
    }

    private static ApiException invalid(String message) {
        return ApiException.invalidParam("url", message);
    }
}

package com.firsthand.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.firsthand.common.api.ApiException;
import com.firsthand.webhook.domain.TargetAddresses;
import com.firsthand.webhook.domain.TargetPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any endpoint URL at all, hostile ones generated from the parts SSRF attempts are made of, is either accepted
 * as an http(s) URL without credentials whose host resolves only to public addresses, or refused with a 400
 * naming {@code url}; never another failure.
 */
class TargetUrlPropertiesTest {

    private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34",
            "localhost", "127.0.0.1", "metadata.internal", "169.254.169.254", "intranet.example", "10.0.0.5",
            "v6.example", "2606:4700:4700::1111", "ula.example", "fd12::1");

    private final TargetUrls urls = new TargetUrls(TargetPolicy.PUBLIC_ONLY, TargetUrlPropertiesTest::resolve);

    @Test
    void everyUrlIsAcceptedOnlyWhenItIsAPublicHttpTargetAndOtherwiseA400() {
        qt().withExamples(5_000).forAll(urls().mix(strings().allPossible().ofLengthBetween(0, 80), 15))
                .checkAssert(url -> {
                    Throwable refusal = catchThrowable(() -> urls.check(url));
                    if (refusal == null) {
                        assertAcceptable(url);
                    } else {
                        assertThat(refusal).as(url).isInstanceOfSatisfying(ApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.toError().error().param()).isEqualTo("url");
                        });
                    }
                });
    }

    private static void assertAcceptable(String url) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).as(url).isIn("http", "https");
        assertThat(uri.getRawUserInfo()).as(url).isNull();
        assertThat(url.length()).isLessThanOrEqualTo(TargetUrls.MAX_LENGTH);
        String host = uri.getHost().replaceAll("^\\[|]$", "");
        InetAddress[] addresses;
        try {
            addresses = resolve(host);
        } catch (UnknownHostException e) {
            throw new AssertionError("accepted a URL whose host does not resolve: " + url, e);
        }
        assertThat(addresses).as(url).allMatch(TargetAddresses::isAllowed);
    }

    /** URLs assembled from schemes, credentials, hosts (names, literals, encodings), ports and paths. */
    private static Gen<String> urls() {
        Gen<String> schemes = Generate.pick(List.of("https://", "http://", "HTTPS://", "ftp://", "file://",
                "javascript:", "gopher://", "//", "", "http:/", "http:\\\\"));
        Gen<String> userInfo = Generate.pick(List.of("", "", "", "user:pass@", "@", "hooks.example.com@",
                "a%40b@"));
        Gen<String> ipv4 = longs().between(0, 0xffff_ffffL).map(a -> (a >>> 24) + "." + (a >>> 16 & 0xff) + "."
                + (a >>> 8 & 0xff) + "." + (a & 0xff));
        Gen<String> hosts = Generate.pick(List.of("hooks.example.com", "localhost", "metadata.internal",
                "intranet.example", "v6.example", "ula.example", "unknown.example", "[::1]", "[::ffff:127.0.0.1]",
                "[::ffff:a9fe:a9fe]", "[fe80::1%25eth0]", "[2606:4700:4700::1111]", "[64:ff9b::a00:1]",
                "2130706433", "0x7f000001", "127.1", "[::]", "0", "hooks.example.com.", "HOOKS.EXAMPLE.COM",
                "", "[", "xn--e1afmkfd.example", "hooks.example.com#@127.0.0.1"))
                .mix(ipv4, 40);
        Gen<String> ports = Generate.pick(List.of("", "", ":443", ":0", ":65536", ":-1", ":abc", ":"))
                .mix(integers().between(0, 70_000).map(port -> ":" + port), 20);
        Gen<String> paths = Generate.pick(List.of("", "/", "/hooks", "/a b", "/%00", "/../../etc/passwd",
                "?q=1#frag", "/\u00e9")).mix(strings().ascii().ofLengthBetween(0, 30).map(p -> "/" + p), 20);
        return schemes.zip(userInfo, hosts, ports, paths, (s, u, h, p, path) -> s + u + h + p + path);
    }

    /** A stand-in for DNS: a few names, exact IP literals; nothing else resolves and nothing leaves the machine. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        String address = DNS.getOrDefault(name.endsWith(".") ? name.substring(0, name.length() - 1) : name, host);
        if (address.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)")
                || address.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(address)};
        }
        throw new UnknownHostException(host);
    }
}

package com.firsthand.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firsthand.common.api.ApiException;
import com.firsthand.webhook.Receiver;
import com.firsthand.webhook.domain.TargetPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSRF: refusal at creation (TargetUrls) and again at connection time (Dns and socket), private targets off. */
class SsrfGuardTest {

    private static final Map<String, String> DNS = Map.of(
            "public.example", "93.184.216.34",
            "internal.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "v6local.example", "fd00::1",
            "mapped.example", "::ffff:127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final TargetUrls strict = new TargetUrls(TargetPolicy.PUBLIC_ONLY, SsrfGuardTest::resolve);

    @Test
    void acceptsHttpsAndHttpUrlsOnPublicHosts() {
        assertThat(strict.check("https://public.example/hooks?x=1")).isEqualTo("https://public.example/hooks?x=1");
        assertThat(strict.check("http://public.example:8080/")).isEqualTo("http://public.example:8080/");
        assertThat(strict.check("https://8.8.8.8/")).isEqualTo("https://8.8.8.8/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://public.example/", "file:///etc/passwd", "gopher://public.example/",
        "javascript:alert(1)", "public.example/hooks", "https://", "http://internal.example/",
        "http://metadata.example/latest/meta-data/", "http://v6local.example/", "http://mapped.example/",
        "http://127.0.0.1/", "http://localhost.invalid/", "http://169.254.169.254/", "http://[::1]/",
        "http://[::ffff:127.0.0.1]:8080/", "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/",
        "https://user:pass@public.example/", "not a url", "http://[::ffff:a9fe:a9fe]/"})
    void refusesAtCreation(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().error().param()).isEqualTo("url"));
    }

    @Test
    void privateTargetsAreAcceptedOnlyWhenAllowed() {
        assertThat(new TargetUrls(TargetPolicy.ANY, SsrfGuardTest::resolve).check("http://127.0.0.1:9/")).isNotNull();
        assertThatThrownBy(() -> strict.check("http://127.0.0.1:9/")).isInstanceOf(ApiException.class);
    }

    @Test
    void theDnsRefusesAHostThatIsRepointedAtAPrivateAddressAfterCreation() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: public when the endpoint is created, the metadata address when the webhook is sent.
        Dns rebinding = host -> List.of(InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "93.184.216.34" : "169.254.169.254"));
        TargetUrls atCreation = new TargetUrls(TargetPolicy.PUBLIC_ONLY,
                host -> rebinding.lookup(host).toArray(new InetAddress[0]));
        assertThat(atCreation.check("https://rebind.example/")).isNotNull();
        GuardedDns dns = new GuardedDns(rebinding, TargetPolicy.PUBLIC_ONLY);
        assertThatThrownBy(() -> dns.lookup("rebind.example")).isInstanceOf(GuardedDns.BlockedAddressException.class)
                .hasMessageContaining("non-public address").hasMessageNotContaining("169.254");
        assertThat(new GuardedDns(rebinding, TargetPolicy.ANY).lookup("rebind.example")).isNotEmpty();
        // One blocked address among public ones is enough to refuse.
        Dns mixed = host -> List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1"));
        assertThatThrownBy(() -> new GuardedDns(mixed, TargetPolicy.PUBLIC_ONLY).lookup("mixed.example"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void productionTakesHttpsOnly() {
        TargetUrls production = new TargetUrls(TargetPolicy.PRODUCTION, SsrfGuardTest::resolve);
        assertThat(production.check("https://public.example/hooks")).isEqualTo("https://public.example/hooks");
        for (String url : List.of("http://public.example/hooks", "HTTP://public.example/", "http://8.8.8.8/")) {
            assertThatThrownBy(() -> production.check(url)).as(url).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.toError().error().param()).isEqualTo("url");
                assertThat(e.getMessage()).contains("https");
            });
        }
        assertThatThrownBy(() -> production.check("https://internal.example/")).isInstanceOf(ApiException.class);
    }

    /** Refusals say the host is not public, never which internal address it resolves to. */
    @Test
    void refusalsNameNoResolvedAddress() {
        Map<String, String> hosts = Map.of("internal.example", "10.1.2.3", "metadata.example", "169.254",
                "v6local.example", "fd00", "mapped.example", "127.0.0.1");
        hosts.forEach((host, address) -> assertThatThrownBy(() -> strict.check("https://" + host + "/"))
                .as(host).isInstanceOf(ApiException.class).hasMessageContaining("non-public address")
                .hasMessageNotContaining(address));
        Dns internal = host -> List.of(InetAddress.getByName("10.1.2.3"));
        assertThatThrownBy(() -> new GuardedDns(internal, TargetPolicy.PUBLIC_ONLY).lookup("internal.example"))
                .hasMessageNotContaining("10.1.2.3");
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            WebhookSender sender = new WebhookSender(WebhookSender.client(TargetPolicy.PUBLIC_ONLY,
                    Duration.ofSeconds(3)), Clock.systemUTC());
            AttemptResult result = sender.send("http://localhost:" + receiver.port() + "/hooks", "evt_1", "{}",
                    List.of("whsec_AAAA"));
            assertThat(result.error()).contains("not a permitted webhook target").doesNotContain("127.0.0.1")
                    .doesNotContain("0:0:0:0:0:0:0:1");
        }
    }

    @Test
    void theSenderRefusesToConnectToLoopbackByNameAndByLiteral() {
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            WebhookSender strictSender = new WebhookSender(WebhookSender.client(TargetPolicy.PUBLIC_ONLY,
                    Duration.ofSeconds(3)), Clock.systemUTC());
            for (String url : List.of("http://localhost:" + receiver.port() + "/hooks", receiver.url(),
                    "http://[::ffff:127.0.0.1]:" + receiver.port() + "/hooks")) {
                AttemptResult result = strictSender.send(url, "evt_1", "{}", List.of("whsec_AAAA"));
                assertThat(result.status()).as(url).isNull();
                assertThat(result.error()).as(url).contains("not a permitted webhook target");
            }
            assertThat(receiver.received()).isEmpty();

            WebhookSender localSender = new WebhookSender(WebhookSender.client(TargetPolicy.ANY, Duration.ofSeconds(3)),
                    Clock.systemUTC());
            assertThat(localSender.send(receiver.url(), "evt_1", "{}", List.of("whsec_AAAA")).status())
                    .isEqualTo(200);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void theLocalStacksLoopbackPolicyReachesLocalhostButNoPrivateNetworkOrMetadataAddress() throws Exception {
        TargetUrls local = new TargetUrls(TargetPolicy.PUBLIC_AND_LOOPBACK, SsrfGuardTest::resolve);
        assertThat(local.check("http://127.0.0.1:9/hooks")).isNotNull();
        assertThat(local.check("http://[::1]:9/hooks")).isNotNull();
        assertThat(local.check("https://public.example/hooks")).isNotNull();
        for (String url : List.of("http://internal.example/", "http://metadata.example/", "http://169.254.169.254/",
                "http://10.0.0.1/", "http://192.168.1.1/", "http://v6local.example/", "http://0.0.0.0/",
                "http://[fe80::1]/")) {
            assertThatThrownBy(() -> local.check(url)).as(url).isInstanceOf(ApiException.class);
        }
        try (Receiver receiver = Receiver.start(request -> Receiver.Answer.ok())) {
            WebhookSender sender = new WebhookSender(WebhookSender.client(TargetPolicy.PUBLIC_AND_LOOPBACK,
                    Duration.ofSeconds(3)), Clock.systemUTC());
            assertThat(sender.send(receiver.url(), "evt_1", "{}", List.of("whsec_AAAA")).status()).isEqualTo(200);
            AttemptResult metadata = sender.send("http://169.254.169.254/latest/meta-data/", "evt_2", "{}",
                    List.of("whsec_AAAA"));
            assertThat(metadata.status()).isNull();
            assertThat(metadata.error()).contains("not a permitted webhook target");
        }
    }

    @Test
    void redirectsAreNotFollowedAndCountAsFailures() {
        try (Receiver target = Receiver.start(request -> Receiver.Answer.ok());
                Receiver redirecting = Receiver.start(request -> new Receiver.Answer(302, null, 0))) {
            WebhookSender sender = new WebhookSender(WebhookSender.client(TargetPolicy.ANY, Duration.ofSeconds(3)),
                    Clock.systemUTC());
            AttemptResult result = sender.send(redirecting.url(), "evt_1", "{}", List.of("whsec_AAAA"));
            assertThat(result.status()).isEqualTo(302);
            assertThat(result.succeeded()).isFalse();
            assertThat(target.received()).isEmpty();
        }
    }
}

package com.firsthand.common.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A deployed service (neither dev mode nor tests) refuses to start while a secret is still one of the
 * development defaults ending in {@code change-me} (firsthand.cursor.secret's built-in value, the compose file's
 * old fallbacks): those values are public, in this repository.
 */
@ApplicationScoped
public class ProductionSecretsCheck {

    static final String MARKER = "change-me";

    void onStart(@Observes StartupEvent event, FirsthandConfig firsthand) {
        Map<String, String> values = configured(ConfigProvider.getConfig());
        values.put("firsthand.cursor.secret", firsthand.cursor().secret());
        firsthand.admin().token().ifPresent(token -> values.put("firsthand.admin.token", token));
        check(LaunchMode.current(), values);
    }

    /** Fails, naming the properties but not their values, when a deployed service has a change-me default left. */
    static void check(LaunchMode mode, Map<String, String> values) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        var left = new TreeMap<String, String>();
        values.forEach((name, value) -> {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(MARKER)) {
                left.put(name, value);
            }
        });
        if (!left.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join(", ", left.keySet())
                    + (left.size() == 1 ? " is" : " are") + " still a development default (*-" + MARKER + "). Set "
                    + (left.size() == 1 ? "it" : "each") + " to a secret of your own, e.g. from `openssl rand -hex"
                    + " 32` (environment variables: FIRSTHAND_CURSOR_SECRET, FIRSTHAND_ADMIN_TOKEN, ...).");
        }
    }

    private static Map<String, String> configured(Config config) {
        Map<String, String> values = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            try {
                Optional<String> value = config.getOptionalValue(name, String.class);
                value.ifPresent(v -> values.put(name, v));
            } catch (IllegalArgumentException | NoSuchElementException e) {
                // A value that does not resolve (an expression without its variable) is no default secret.
            }
        }
        return values;
    }
}

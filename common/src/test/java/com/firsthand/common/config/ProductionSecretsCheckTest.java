package com.firsthand.common.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretsCheckTest {

    private static final Map<String, String> DEFAULTS = Map.of(
            "firsthand.cursor.secret", "local-development-cursor-secret-change-me",
            "firsthand.admin.token", "local-admin-token-CHANGE-ME",
            "quarkus.http.port", "8081");

    @Test
    void aDeployedServiceRefusesToStartWithAChangeMeDefaultAndNamesThePropertiesNotTheValues() {
        assertThatThrownBy(() -> ProductionSecretsCheck.check(LaunchMode.NORMAL, DEFAULTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("firsthand.admin.token, firsthand.cursor.secret are still a development default")
                .hasMessageNotContaining("local-development-cursor-secret")
                .hasMessageNotContaining("quarkus.http.port");
    }

    @Test
    void ownSecretsPassAndDevModeAndTestsKeepTheirDefaults() {
        assertThatCode(() -> ProductionSecretsCheck.check(LaunchMode.NORMAL, Map.of(
                "firsthand.cursor.secret", "3f0c2a9d1e", "firsthand.admin.token", "a-real-token")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProductionSecretsCheck.check(LaunchMode.DEVELOPMENT, DEFAULTS)).doesNotThrowAnyException();
        assertThatCode(() -> ProductionSecretsCheck.check(LaunchMode.TEST, DEFAULTS)).doesNotThrowAnyException();
    }
}

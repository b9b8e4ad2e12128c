package com.firsthand.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider settings as they are written in properties and environment variables. */
class ScoringConfigTest {

    static ScoringConfig.Llm llm(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ScoringConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(ScoringConfig.class).llm();
    }

    @Test
    void defaultsAreTheCostConsciousImageTheClassicTokenFieldTemperatureZeroAndBearer() {
        ScoringConfig.Llm llm = llm(Map.of());
        assertThat(llm.imageMaxSide()).isEqualTo(1024);
        assertThat(llm.jpegQuality()).isEqualTo(0.85f);
        assertThat(llm.maxTokens()).isEqualTo(400);
        assertThat(llm.tokenLimitField()).isEqualTo(ScoringConfig.TokenLimitField.MAX_TOKENS);
        assertThat(llm.temperature().sent()).contains(0.0);
        assertThat(llm.authStyle()).isEqualTo(ScoringConfig.AuthStyle.BEARER);
    }

    @Test
    void theWireSpellingsAreAccepted() {
        ScoringConfig.Llm llm = llm(Map.of("firsthand.scoring.llm.token-limit-field", "max_completion_tokens",
                "firsthand.scoring.llm.temperature", "none", "firsthand.scoring.llm.auth-style", "api-key"));
        assertThat(llm.tokenLimitField()).isEqualTo(ScoringConfig.TokenLimitField.MAX_COMPLETION_TOKENS);
        assertThat(llm.tokenLimitField().field()).isEqualTo("max_completion_tokens");
        assertThat(llm.temperature().sent()).isEmpty();
        assertThat(llm.authStyle()).isEqualTo(ScoringConfig.AuthStyle.API_KEY);
        assertThat(llm(Map.of("firsthand.scoring.llm.temperature", "0.2")).temperature().sent()).contains(0.2);
    }

    @Test
    void anImpossibleTemperatureIsRefused() {
        assertThatThrownBy(() -> llm(Map.of("firsthand.scoring.llm.temperature", "7")))
                .hasMessageContaining("firsthand.scoring.llm.temperature");
    }
}

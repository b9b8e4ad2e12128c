package com.firsthand.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.firsthand.common.json.StrictJsonCustomizer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonErrorsTest {

    record Location(Double lat, Double lng) {
    }

    record Body(String type, Integer filesNeeded, List<String> formats, Location location) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    {
        new StrictJsonCustomizer().customize(mapper);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"files_needed\":\"three\"}|files_needed|parameter_invalid",
        "{\"files_needed\":1.5}|files_needed|parameter_invalid",
        "{\"files_needed\":99999999999999999999}|files_needed|parameter_invalid",
        "{\"colour\":\"red\"}|colour|parameter_unknown",
        "{\"formats\":[\"a\", {}]}|formats[1]|parameter_invalid",
        "{\"location\":{\"lat\":\"north\"}}|location.lat|parameter_invalid",
        "{\"type\":42}|type|parameter_invalid",
        "{\"type\":true}|type|parameter_invalid",
        "{\"formats\":[1]}|formats[0]|parameter_invalid",
        "{\"type\": }||body_invalid",
        "{\"type\":\"a\"} trailing||body_invalid",
        "{\"type\":\"a\",\"files_needed\":1,\"type\":\"b\"}|type|parameter_duplicated",
        "{\"location\":{\"lat\":1,\"lng\":2,\"lat\":3}}|location.lat|parameter_duplicated",
        "{\"formats\":[\"a\"],\"formats\":[\"b\"]}|formats|parameter_duplicated",
    })
    void namesTheOffendingField(String json, String param, String code) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Body.class));

        ApiException api = JsonErrors.toApiException(e);

        assertThat(api.status()).isEqualTo(400);
        assertThat(api.toError().error().param()).isEqualTo(param);
        assertThat(api.toError().error().code()).isEqualTo(code);
    }
}

package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A secret is shown in the response that created it and nowhere else: not in a replay, not in the database. */
@QuarkusTest
class SecretsShownOnceTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/admin/organizations,api_key.secret,api_key", "/admin/workers,token.secret,token"})
    void aReplayedCreateCarriesNoSecretAndTheDatabaseHoldsNone(String path, String secretPath, String holder)
            throws Exception {
        String key = UUID.randomUUID().toString();
        Response first = create(path, key);
        String secret = first.jsonPath().getString(secretPath);
        assertThat(secret).startsWith("fh_");

        Response replay = create(path, key);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Idempotent-Secret-Redacted")).isEqualTo("true");
        assertThat(replay.asString()).doesNotContain(secret);
        assertThat(replay.jsonPath().getString(secretPath)).isNull();
        assertThat(replay.jsonPath().getBoolean(holder + ".secret_redacted")).isTrue();
        assertThat(replay.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(rowsContaining(secret)).isZero();
    }

    @Test
    void anotherKeyForAnOrganisationIsShownOnceToo() throws Exception {
        String orgId = Accounts.newOrganization().getString("id");
        String key = UUID.randomUUID().toString();
        String secret = create("/admin/organizations/" + orgId + "/api_keys", key).jsonPath().getString("secret");
        Response replay = create("/admin/organizations/" + orgId + "/api_keys", key);
        assertThat(replay.jsonPath().getBoolean("secret_redacted")).isTrue();
        assertThat(replay.asString()).doesNotContain(secret);
        assertThat(rowsContaining(secret)).isZero();
    }

    @Test
    void responsesStoredBeforeTheRuleLoseTheirSecretsToTheMigration() throws Exception {
        String legacy = "{\"object\":\"organization\",\"api_key\":{\"id\":\"key_1\",\"secret\":\"fh_live_legacy\"},"
                + "\"keys\":[{\"secret\":\"fh_live_legacy2\",\"id\":\"key_2\"}],\"name\":\"secret\"}";
        String key = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO idempotency_key (scope, idempotency_key,"
                    + " request_hash, response_status, response_body) VALUES ('admin', ?, 'h', 200, ?)")) {
                insert.setString(1, key);
                insert.setString(2, legacy);
                insert.executeUpdate();
            }
            String migration = new String(getClass().getResourceAsStream(
                    "/db/common/R__idempotency_responses_without_secrets.sql").readAllBytes(), StandardCharsets.UTF_8);
            try (Statement s = c.createStatement()) {
                s.execute(migration);
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT response_body::jsonb FROM idempotency_key WHERE idempotency_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    String cleaned = rs.getString(1);
                    assertThat(cleaned).doesNotContain("fh_live_legacy").contains("\"name\": \"secret\"");
                    assertThat(io.restassured.path.json.JsonPath.from(cleaned).getBoolean("api_key.secret_redacted"))
                            .isTrue();
                    assertThat(io.restassured.path.json.JsonPath.from(cleaned).getString("keys[0].id"))
                            .isEqualTo("key_2");
                }
            }
        }
    }

    private static Response create(String path, String key) {
        return given().auth().oauth2(Accounts.ADMIN_TOKEN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(path.endsWith("api_keys") ? "{}" : "{\"name\":\"Shown once\"}")
                .when().post(path).then().statusCode(200).extract().response();
    }

    private int rowsContaining(String secret) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM idempotency_key WHERE response_body LIKE '%' || ? || '%'")) {
            s.setString(1, secret);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

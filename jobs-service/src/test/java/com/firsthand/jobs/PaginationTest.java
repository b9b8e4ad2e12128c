package com.firsthand.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaginationTest {

    @Test
    void pagesStayStableWhileJobsAreInserted() {
        String apiKey = Accounts.newOrganizationKey();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(post(apiKey, "job " + i));
        }

        List<String> seen = new ArrayList<>();
        JsonPath page = page(apiKey, "limit=10");
        seen.addAll(page.getList("data.id"));
        while (page.getBoolean("has_more")) {
            post(apiKey, "inserted while paging");
            page = page(apiKey, "limit=10&cursor=" + page.getString("next_cursor"));
            seen.addAll(page.getList("data.id"));
        }

        assertThat(seen).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(page.getString("next_cursor")).isNull();
    }

    @Test
    void limitDefaultsTo20AndIsBounded() {
        String apiKey = Accounts.newOrganizationKey();
        for (int i = 0; i < 21; i++) {
            post(apiKey, "job " + i);
        }
        assertThat(page(apiKey, "type=data_collection").getList("data")).hasSize(20);
        for (String bad : List.of("0", "101", "abc", "-1", "1.5")) {
            given().auth().oauth2(apiKey).when().get("/v1/jobs?limit=" + bad).then().statusCode(400)
                    .body("error.param", equalTo("limit"));
        }
    }

    @Test
    void tamperedOrForeignCursorsAre400() {
        String apiKey = Accounts.newOrganizationKey();
        for (int i = 0; i < 3; i++) {
            post(apiKey, "job " + i);
        }
        String cursor = page(apiKey, "limit=1").getString("next_cursor");
        String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);
        for (String bad : List.of(tampered, "garbage", "%%%", cursor.substring(0, cursor.length() - 2))) {
            given().auth().oauth2(apiKey).urlEncodingEnabled(true).queryParam("cursor", bad)
                    .when().get("/v1/jobs").then().statusCode(400).body("error.param", equalTo("cursor"));
        }
    }

    private static JsonPath page(String apiKey, String query) {
        return given().auth().oauth2(apiKey).when().get("/v1/jobs?" + query).then().statusCode(200)
                .body("object", equalTo("list")).extract().jsonPath();
    }

    private static String post(String apiKey, String description) {
        return given().auth().oauth2(apiKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(Accounts.jobBody(description)).when().post("/v1/jobs")
                .then().statusCode(200).extract().path("id");
    }
}

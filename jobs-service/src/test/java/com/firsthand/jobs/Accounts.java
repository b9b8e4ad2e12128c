package com.firsthand.jobs;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.UUID;

/** Provisions organisations and workers through the admin API, as an operator would. */
public final class Accounts {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private Accounts() {
    }

    /** Creates an organisation and returns its first API key secret. */
    public static String newOrganizationKey() {
        return newOrganization().getString("api_key.secret");
    }

    public static JsonPath newOrganization() {
        return given().auth().oauth2(ADMIN_TOKEN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"name\":\"Test Org\"}")
                .when().post("/admin/organizations")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath newWorker() {
        return given().auth().oauth2(ADMIN_TOKEN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"name\":\"Test Worker\"}")
                .when().post("/admin/workers")
                .then().statusCode(200).extract().jsonPath();
    }

    public static String jobBody(String description) {
        return """
                {"type":"data_collection","description":"%s","files_needed":3,
                 "accepted_formats":["image/jpeg","image/png"],"price_per_file_cents":50}""".formatted(description);
    }
}

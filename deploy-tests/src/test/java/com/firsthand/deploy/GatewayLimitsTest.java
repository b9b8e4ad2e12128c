package com.firsthand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.firsthand.launcher.GatewayRoutes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The nginx gateway refuses what the HTTP layer cannot take as the launcher's gateway does: in the error format,
 * with the same status and code, at the same header limit.
 */
class GatewayLimitsTest {

    private static final String NGINX = Project.read("docker/gateway/nginx.conf");

    @Test
    void oneHeaderBufferHoldsTheServicesHeaderLimit() {
        Matcher buffers = Pattern.compile("large_client_header_buffers\\s+(\\d+)\\s+(\\d+)k;").matcher(NGINX);
        assertThat(buffers.find()).as("large_client_header_buffers").isTrue();
        assertThat(Integer.parseInt(buffers.group(2)) * 1024).isEqualTo(GatewayRoutes.MAX_HEADER_BYTES);
    }

    /** nginx refuses, with its own JSON 400, exactly the URLs the launcher's gateway (and Quarkus) cannot parse. */
    @Test
    void nginxRefusesTheUrlsTheServicesCannotParse() {
        Matcher rule = Pattern.compile("if \\(\\$request_uri ~ \"((?:[^\"\\\\]|\\\\.)*)\"\\)").matcher(NGINX);
        assertThat(rule.find()).as("the $request_uri rule").isTrue();
        // nginx unquotes \", \' and \\ in a quoted string and keeps every other backslash.
        Pattern nginx = Pattern.compile(rule.group(1).replaceAll("\\\\([\"'\\\\])", "$1"));
        String alphabet = "/v1jobs?&=%20zZ%Gf{}|^`\"<>\\ ~!$'()*+,;:@[]##\u00e9\t\u007f-._";
        java.util.Random random = new java.util.Random(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder url = new StringBuilder("/v1/jobs");
            for (int n = random.nextInt(12); n > 0; n--) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = url.toString();
            assertThat(nginx.matcher(candidate).find()).as(candidate)
                    .isEqualTo(!GatewayRoutes.isValidUri(candidate));
        }
    }

    @ParameterizedTest(name = "nginx {0} is answered {1} {2}")
    @CsvSource({"400,400,invalid_request", "413,413,request_too_large", "414,414,request_line_too_long",
        "494,431,request_headers_too_large"})
    void codecRefusalsAnswerInTheErrorFormat(int nginxStatus, int status, String code) {
        Matcher page = Pattern.compile("error_page " + nginxStatus + " (=\\d+ )?(\\S+);").matcher(NGINX);
        assertThat(page.find()).as("error_page " + nginxStatus).isTrue();
        String target = page.group(2);
        String location = target.startsWith("@") ? "location " + target + " {" : "location = " + target + " {";
        int start = NGINX.indexOf(location);
        assertThat(start).as(location).isNotNegative();
        String block = NGINX.substring(start, NGINX.indexOf('}', NGINX.indexOf("return", start)));
        if (!target.startsWith("@")) {
            assertThat(block).as("a location only error pages reach").contains("internal;");
        }
        assertThat(block).contains("return " + status + " '{\"error\":{\"type\":\"invalid_request_error\",\"code\":\""
                + code + "\"");
    }

    /** Callers without credentials are limited per client address, answered 429 in the error format. */
    @Test
    void requestsWithoutCredentialsAreRateLimitedPerClientAddress() {
        Matcher key = Pattern.compile("map \\$http_authorization \\$(\\w+) \\{\\s*\"\"\\s+\\$binary_remote_addr;"
                + "\\s*default\\s+\"\";\\s*}").matcher(NGINX);
        assertThat(key.find()).as("a key that is the client address only without an Authorization header").isTrue();
        Matcher zone = Pattern.compile("limit_req_zone \\$" + key.group(1) + " zone=(\\w+):\\d+m rate=\\d+r/s;")
                .matcher(NGINX);
        assertThat(zone.find()).as("limit_req_zone on that key").isTrue();
        String server = NGINX.substring(NGINX.indexOf("listen 8080;"));
        assertThat(server).containsPattern("limit_req zone=" + zone.group(1) + " burst=\\d+ nodelay;")
                .contains("limit_req_status 429;");
        Matcher page = Pattern.compile("error_page 429 (@\\w+);").matcher(server);
        assertThat(page.find()).as("error_page 429").isTrue();
        int start = NGINX.indexOf("location " + page.group(1) + " {");
        assertThat(start).isNotNegative();
        assertThat(NGINX.substring(start, NGINX.indexOf('}', NGINX.indexOf("return", start))))
                .containsPattern("add_header Retry-After \\d+ always;")
                .contains("return 429 '{\"error\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limited\"");
    }
}

package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.OpenApi;
import solo.interfaces.http.server.ServerSettings;
import solo.support.SoloException;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** Who may call what: the token, sessions and CSRF, body limits, the OpenAPI document, metrics, the bind address. */
class AccessApiTest {
    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(company).withoutWorker();

    @Test
    void a_request_without_the_token_or_with_a_wrong_one_is_401() {
        var none = server.api().withToken(null).get("/api/entities");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.message()).contains("Authorization: Bearer");
        assertThat(server.api().withToken("solo_wrong").get("/api/entities").status()).isEqualTo(401);
        assertThat(server.api().withToken(null).get("/metrics").status()).isEqualTo(401);
        assertThat(server.api().withToken(null).get("/openapi.json").status()).isEqualTo(401);
        assertThat(server.api().withToken(null).post("/api/runs", Map.of("flow", "x")).status()).isEqualTo(401);
    }

    @Test
    void a_replaced_token_stops_working_at_once() throws InterruptedException {
        String fresh = new AccessTokens(server.solo().store().storage(), Clock.systemUTC()).replace();
        Thread.sleep(1_100); // the server reads the stored hash at most once a second
        assertThat(server.api().get("/api/entities").status()).isEqualTo(401);
        assertThat(server.api().withToken(fresh).get("/api/entities").status()).isEqualTo(200);
    }

    @Test
    void a_page_without_a_session_redirects_to_the_login_page() {
        var page = server.api().withToken(null).get("/runs?status=failed");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Fruns%3Fstatus%3Dfailed");
        assertThat(server.api().withToken(null).get("/login").status()).isEqualTo(200);
    }

    @Test
    void logging_in_gives_an_httponly_strict_cookie_and_writes_need_the_session_csrf_token() {
        var api = server.api().withToken(null);
        var wrong = api.send("POST", "/login", "token=solo_wrong", List.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(wrong.status()).isEqualTo(401);
        var login = api.send("POST", "/login", "token=" + URLEncoder.encode(server.token(), StandardCharsets.UTF_8) + "&next=%2Fruns",
                List.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(login.status()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/runs");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        var page = api.send("GET", "/runs", null, List.of("Cookie", cookie));
        assertThat(page.status()).isEqualTo(200);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        String csrf = m.group(1);

        var noCsrf = api.send("POST", "/logout", "", List.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(noCsrf.status()).isEqualTo(403);
        var badCsrf = api.send("POST", "/logout", "_csrf=forged", List.of("Cookie", cookie, "Content-Type",
                "application/x-www-form-urlencoded"));
        assertThat(badCsrf.status()).isEqualTo(403);
        var apiWrite = api.send("POST", "/api/entities", "{\"type\":\"lead\",\"body\":{\"name\":\"x\"}}",
                List.of("Cookie", cookie, "X-CSRF-Token", "forged"));
        assertThat(apiWrite.status()).isEqualTo(403);
        assertThat(apiWrite.message()).contains("CSRF");
        var good = api.send("POST", "/logout", "_csrf=" + csrf, List.of("Cookie", cookie, "Content-Type",
                "application/x-www-form-urlencoded"));
        assertThat(good.status()).isEqualTo(303);
        assertThat(api.send("GET", "/runs", null, List.of("Cookie", cookie)).status()).isEqualTo(302);
    }

    @Test
    void an_oversized_body_is_413_and_nothing_is_written() {
        String big = "{\"type\":\"lead\",\"body\":{\"name\":\"" + "x".repeat(70 * 1024) + "\"}}";
        var a = server.api().post("/api/entities", big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.message()).contains("larger than");
        assertThat(server.solo().store().count("lead")).isZero();
    }

    @Test
    void an_unknown_path_is_404_in_json() {
        var a = server.api().get("/api/nothing");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("error").get("status").asInt()).isEqualTo(404);
    }

    @Test
    void the_openapi_document_describes_every_api_route_and_every_schema_it_names_exists() {
        JsonNode doc = server.api().get("/openapi.json").json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/api/entities", "/api/entities/{id}", "/api/entities/{id}/history", "/api/entities/{id}/revert",
                "/api/entities/{id}/links", "/api/entities/{id}/links/{type}/{to}", "/api/entities/{id}/neighbours",
                "/api/entities/{id}/notes", "/api/entities/{id}/artifacts", "/api/artifacts/{id}", "/api/flows",
                "/api/flows/validate", "/api/flows/{name}", "/api/runs", "/api/runs/{id}", "/api/runs/{id}/cancel",
                "/api/runs/{id}/retry", "/api/runs/{id}/fork", "/api/gates", "/api/gates/{run}/{step}/approve",
                "/api/gates/{run}/{step}/reject", "/api/audit/verify", "/api/events", "/hooks/{name}", "/metrics",
                "/openapi.json")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        assertThat(paths.get("/hooks/{name}").get("post").get("security")).isEmpty();
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(doc.toString());
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertThat(refs).isNotEmpty().allSatisfy(r -> assertThat(schemas.has(r)).as(r).isTrue());
        assertThat(OpenApi.schemas().has("Error")).isTrue();
    }

    @Test
    void metrics_show_runs_by_state_and_the_queue() {
        server.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada")));
        var m = server.api().get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body()).contains("solo_runs{status=\"queued\"}").contains("solo_queue_depth")
                .contains("solo_steps_waiting_for_operator");
    }

    @Test
    void the_server_refuses_a_public_address_without_the_flag() {
        ServerSettings wide = ServerSettings.defaults().withHost("0.0.0.0").withPort(0);
        assertThatThrownBy(() -> SoloServer.start(server.solo(), wide)).isInstanceOf(SoloException.class)
                .hasMessageContaining("--public");
        assertThatThrownBy(wide::checkBind).hasMessageContaining("not a loopback address");
        wide.withPublic(true).checkBind();
        ServerSettings.defaults().withHost("localhost").checkBind();
    }
}

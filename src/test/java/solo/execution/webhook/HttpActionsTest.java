package solo.execution.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import solo.support.Json;

/** The http action against a real HTTP server on 127.0.0.1. */
class HttpActionsTest {
    private HttpServer server;
    private String base;
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", ex -> answer(ex, 201, "{\"id\":\"x1\"}"));
        server.createContext("/flaky", ex -> answer(ex, calls.get() < 2 ? 503 : 200, "{}"));
        server.createContext("/bad", ex -> answer(ex, 422, "{\"error\":\"no\"}"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ignored) {
                // the server is stopping
            }
            answer(ex, 200, "{}");
        });
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.2:1/elsewhere");
            answer(ex, 302, "");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
        calls.incrementAndGet();
        keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
        bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    private HttpActions actions(int timeoutSeconds, String... allow) {
        var outbound = new HooksConfig.Outbound(java.util.Arrays.stream(allow).map(a -> AllowedUrl.parse(a).orElseThrow()).toList(),
                Duration.ofSeconds(timeoutSeconds), 4);
        return new HttpActions(outbound, ref -> "token-" + ref, Duration.ofMillis(10));
    }

    @Test
    void a_call_carries_the_idempotency_key_and_the_json_body() {
        HttpOutcome o = actions(5, base + "/").call(new HttpCall("POST", base + "/ok",
                Json.object().put("lead", "lead_1"), Map.of("Authorization", "secret:CRM")), "run_1.step_publish");
        assertThat(o).isEqualTo(new HttpOutcome.Succeeded(201, "{\"id\":\"x1\"}", 1));
        assertThat(keys).containsExactly("run_1.step_publish");
        assertThat(bodies).containsExactly("{\"lead\":\"lead_1\"}");
    }

    @Test
    void server_errors_are_retried_with_the_same_key_until_one_succeeds() {
        HttpOutcome o = actions(5, base + "/").call(HttpCall.post(base + "/flaky", Json.object()), "k-flaky");
        assertThat(o).isInstanceOf(HttpOutcome.Succeeded.class);
        assertThat(((HttpOutcome.Succeeded) o).attempts()).isEqualTo(3);
        assertThat(keys).containsExactly("k-flaky", "k-flaky", "k-flaky");
    }

    @Test
    void a_client_error_is_not_retried() {
        HttpOutcome o = actions(5, base + "/").call(HttpCall.post(base + "/bad", Json.object()), "k-bad");
        assertThat(o).isEqualTo(new HttpOutcome.Failed(422, "POST " + base + "/bad answered 422", false, 1));
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_timeout_is_retried_then_reported_as_retryable() {
        var outbound = new HooksConfig.Outbound(List.of(AllowedUrl.parse(base).orElseThrow()), Duration.ofSeconds(1), 2);
        HttpOutcome o = new HttpActions(outbound, ref -> "", Duration.ofMillis(10)).call(
                new HttpCall("GET", base + "/slow", null, Map.of()), "k-slow");
        assertThat(o).isInstanceOf(HttpOutcome.Failed.class);
        HttpOutcome.Failed f = (HttpOutcome.Failed) o;
        assertThat(f.retryable()).isTrue();
        assertThat(f.attempts()).isEqualTo(2);
        assertThat(f.reason()).contains("no answer within 1 s");
    }

    @Test
    void only_urls_on_the_allow_list_are_called_and_redirects_are_not_followed() {
        HttpActions actions = actions(5, base + "/ok");
        assertThat(actions.call(HttpCall.post(base + "/bad", Json.object()), "k")).isInstanceOf(HttpOutcome.Refused.class);
        assertThat(actions.call(HttpCall.post("http://127.0.0.1.evil.example/ok", Json.object()), "k"))
                .isInstanceOf(HttpOutcome.Refused.class);
        assertThat(actions.call(HttpCall.post(base + "/okay", Json.object()), "k")).isInstanceOf(HttpOutcome.Refused.class);
        assertThat(((HttpOutcome.Refused) actions(5).call(HttpCall.post(base + "/ok", Json.object()), "k")).reason())
                .contains("hooks.outbound.allow");
        assertThat(calls).hasValue(0);
        HttpOutcome redirected = actions(5, base + "/").call(new HttpCall("GET", base + "/redirect", null, Map.of()), "k");
        assertThat(redirected).isInstanceOf(HttpOutcome.Failed.class).extracting("status").isEqualTo(302);
    }
}

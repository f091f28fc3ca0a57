package solo.execution.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.testing.CompanyConfigs;
import solo.testing.TestCompany;

class WebhooksTest {
    private static final String SECRET = "whsec-test-3b9f";

    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    private Solo solo;
    private final List<HookDelivery> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        var configured = CompanyConfigs.append(company.dir(), """
                hooks:
                  inbound:
                    webform:
                      secret: secret:WEBFORM_SECRET
                      max_body_bytes: 1024
                """);
        solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl()).open();
        solo.secrets().set("WEBFORM_SECRET", SECRET);
        solo.webhooks().addListener((tx, d) -> heard.add(d));
    }

    @AfterEach
    void close() {
        solo.close();
    }

    private HookVerdict post(String body, Map<String, String> headers) {
        return solo.webhooks().receive("webform", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> signed(String body, String delivery) {
        return Map.of("x-solo-signature", HookSignatures.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)),
                "X-Solo-Delivery", delivery, "Content-Type", "application/json");
    }

    @Test
    void a_delivery_with_a_valid_signature_is_accepted_and_heard() {
        String body = "{\"name\":\"Ada Park\",\"email\":\"ada@acme.example\"}";
        HookVerdict v = post(body, signed(body, "d-1"));
        assertThat(v).isInstanceOf(HookVerdict.Accepted.class);
        assertThat(v.status()).isEqualTo(202);
        assertThat(heard).singleElement().satisfies(d -> {
            assertThat(d.deliveryId()).isEqualTo("d-1");
            assertThat(d.payload().get("email").asString()).isEqualTo("ada@acme.example");
        });
    }

    @Test
    void a_bad_or_missing_signature_is_refused_with_401_and_starts_nothing() {
        String body = "{\"name\":\"Ada\"}";
        Map<String, String> forged = Map.of("X-Solo-Signature", HookSignatures.sign("wrong", body.getBytes()),
                "X-Solo-Delivery", "d-2");
        HookVerdict bad = post(body, forged);
        assertThat(bad).isEqualTo(new HookVerdict.Refused(401, "bad signature: header X-Solo-Signature does not match the body"));
        HookVerdict missing = post(body, Map.of("X-Solo-Delivery", "d-2"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(((HookVerdict.Refused) missing).reason()).startsWith("missing signature");
        assertThat(post(body, Map.of("X-Solo-Signature", "sha256=zz"))).extracting(HookVerdict::status).isEqualTo(401);
        // a body changed after signing fails too
        Map<String, String> headers = signed(body, "d-3");
        assertThat(post(body + " ", headers).status()).isEqualTo(401);
        assertThat(heard).isEmpty();
        assertThat(deliveriesRecorded()).isZero();
    }

    @Test
    void a_replayed_delivery_starts_nothing_new() {
        String body = "{\"name\":\"Ada\"}";
        assertThat(post(body, signed(body, "d-9"))).isInstanceOf(HookVerdict.Accepted.class);
        HookVerdict again = post(body, signed(body, "d-9"));
        assertThat(again).isInstanceOf(HookVerdict.Replayed.class);
        assertThat(again.status()).isEqualTo(200);
        assertThat(heard).hasSize(1);
        assertThat(deliveriesRecorded()).isEqualTo(1);
    }

    @Test
    void without_a_delivery_id_the_same_body_counts_as_the_same_delivery() {
        String body = "{\"name\":\"Ada\"}";
        Map<String, String> headers = Map.of("X-Solo-Signature", HookSignatures.sign(SECRET, body.getBytes()));
        assertThat(post(body, headers)).isInstanceOf(HookVerdict.Accepted.class);
        assertThat(post(body, headers)).isInstanceOf(HookVerdict.Replayed.class);
    }

    @Test
    void an_oversized_body_an_unknown_hook_and_a_bad_payload_are_refused_with_their_reason() {
        String big = "{\"x\":\"" + "a".repeat(2000) + "\"}";
        assertThat(post(big, signed(big, "d-4"))).isEqualTo(new HookVerdict.Refused(413,
                "body is " + big.length() + " bytes; hook 'webform' takes at most 1024"));
        assertThat(solo.webhooks().receive("nope", Map.of(), new byte[0]).status()).isEqualTo(404);
        String broken = "{\"name\":";
        HookVerdict v = post(broken, signed(broken, "d-5"));
        assertThat(v.status()).isEqualTo(400);
        assertThat(((HookVerdict.Refused) v).reason()).contains("invalid JSON");
        assertThat(solo.webhooks().maxBodyBytes("webform")).hasValue(1024);
        assertThat(heard).isEmpty();
    }

    @Test
    void a_web_form_body_becomes_a_json_object() {
        String body = "name=Ada+Park&email=ada%40acme.example";
        Map<String, String> headers = Map.of("X-Solo-Signature", HookSignatures.sign(SECRET, body.getBytes()),
                "Content-Type", "application/x-www-form-urlencoded");
        HookVerdict v = post(body, headers);
        assertThat(v).isInstanceOf(HookVerdict.Accepted.class);
        assertThat(((HookVerdict.Accepted) v).delivery().payload().get("email").asString()).isEqualTo("ada@acme.example");
    }

    @Test
    void a_listener_that_refuses_leaves_the_delivery_unrecorded_so_a_retry_is_accepted() {
        String body = "{\"n\":1}";
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        solo.webhooks().addListener((tx, d) -> {
            if (refuse.get()) {
                throw new IllegalStateException("trigger store unavailable");
            }
        });
        assertThatThrownBy(() -> post(body, signed(body, "d-7"))).hasMessageContaining("trigger store unavailable");
        assertThat(deliveriesRecorded()).isZero();
        refuse.set(false);
        assertThat(post(body, signed(body, "d-7"))).isInstanceOf(HookVerdict.Accepted.class);
    }

    private long deliveriesRecorded() {
        return solo.store().storage().read(sql -> sql.queryLong("SELECT count(*) FROM webhook_deliveries"));
    }
}

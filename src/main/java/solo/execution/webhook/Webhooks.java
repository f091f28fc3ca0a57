package solo.execution.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.execution.secret.SecretResolver;
import solo.state.audit.HashChain;
import solo.state.storage.Storage;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;

/**
 * Inbound webhooks, independent of any HTTP server: the server mounting {@code POST /hooks/NAME} calls
 * {@link #receive} with the body and headers and answers with the verdict's status. Checks, in order:
 * the hook is declared (404), the body is within its size (413), the HMAC-SHA256 signature matches the
 * hook's secret (401), the payload reads (400); then the delivery id is recorded and the listeners told,
 * in one transaction, unless that id was recorded before (a replay: 200, nothing new).
 */
public final class Webhooks {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final Pattern DELIVERY_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Storage storage;
    private final HooksConfig config;
    private final SecretResolver secrets;
    private final Clock clock;
    private final List<HookListener> listeners = new CopyOnWriteArrayList<>();

    public Webhooks(Storage storage, HooksConfig config, SecretResolver secrets, Clock clock) {
        this.storage = storage;
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    public void addListener(HookListener listener) {
        listeners.add(listener);
    }

    public HooksConfig config() {
        return config;
    }

    /** The most the server should read of a request body to this hook (it may stop reading one byte later). */
    public OptionalInt maxBodyBytes(String hook) {
        return config.hook(hook).map(h -> OptionalInt.of(h.maxBodyBytes())).orElse(OptionalInt.empty());
    }

    /** Verifies and records one delivery. {@code headers} are matched without case. */
    public HookVerdict receive(String hook, Map<String, String> headers, byte[] body) {
        Optional<HooksConfig.InboundHook> found = config.hook(hook);
        if (found.isEmpty()) {
            return new HookVerdict.Refused(404, "no hook named '" + hook + "'");
        }
        HooksConfig.InboundHook h = found.get();
        Map<String, String> hs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        hs.putAll(headers);
        if (body.length > h.maxBodyBytes()) {
            return refuse(hook, 413, "body is " + body.length + " bytes; hook '" + hook + "' takes at most " + h.maxBodyBytes());
        }
        String signature = hs.get(h.signatureHeader());
        if (signature == null || signature.isBlank()) {
            return refuse(hook, 401, "missing signature: header " + h.signatureHeader() + " (sha256=HMAC of the body)");
        }
        String secret;
        try {
            secret = secrets.resolve(h.secret());
        } catch (SoloException e) {
            LOG.error("hook {}: cannot read its secret {}: {}", hook, h.secret(), e.getMessage());
            return new HookVerdict.Refused(503, "hook '" + hook + "' is not ready: its secret cannot be read");
        }
        if (!HookSignatures.matches(secret, body, signature)) {
            return refuse(hook, 401, "bad signature: header " + h.signatureHeader() + " does not match the body");
        }
        String sha = HashChain.sha256(body);
        String deliveryId = hs.getOrDefault(h.deliveryHeader(), "sha256:" + sha).trim();
        if (!DELIVERY_ID.matcher(deliveryId).matches()) {
            return refuse(hook, 400, "bad delivery id in " + h.deliveryHeader() + ": 1-200 printable characters, no spaces");
        }
        JsonNode payload;
        try {
            payload = HookPayloads.parse(hs.get("Content-Type"), body);
        } catch (IllegalArgumentException e) {
            return refuse(hook, 400, e.getMessage());
        }
        return record(new HookDelivery(hook, deliveryId, payload, sha, clock.instant()));
    }

    private HookVerdict record(HookDelivery d) {
        return storage.write(tx -> {
            int inserted = tx.update("INSERT INTO webhook_deliveries (hook, delivery_id, body_sha256, received_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", d.hook(), d.deliveryId(), d.bodySha256(),
                    d.receivedAt().toEpochMilli());
            if (inserted == 0) {
                long first = tx.queryLong("SELECT received_at FROM webhook_deliveries WHERE hook = ? AND delivery_id = ?",
                        d.hook(), d.deliveryId());
                return new HookVerdict.Replayed(d.hook(), d.deliveryId(), Instant.ofEpochMilli(first));
            }
            for (HookListener l : listeners) {
                l.delivered(tx, d);
            }
            return new HookVerdict.Accepted(d);
        });
    }

    private static HookVerdict refuse(String hook, int status, String reason) {
        LOG.info("hook {}: refused ({}): {}", hook, status, reason);
        return new HookVerdict.Refused(status, reason);
    }
}

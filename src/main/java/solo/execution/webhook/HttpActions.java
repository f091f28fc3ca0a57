package solo.execution.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.execution.secret.SecretResolver;
import solo.support.Json;
import solo.support.SoloException;

/**
 * The {@code http} action: calls a URL that {@code hooks.outbound.allow} permits, with the action's
 * idempotency key as the {@code Idempotency-Key} header (so a receiver that honours it can tell a retry
 * from a new request), a timeout per attempt, and retries with exponential backoff and jitter on 5xx,
 * 429, timeouts and refused connections. Redirects are not followed: they could lead off the allow list.
 */
public final class HttpActions {
    private static final Logger LOG = LoggerFactory.getLogger(HttpActions.class);
    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Set<String> RESERVED = Set.of("host", "content-length", "idempotency-key", "connection",
            "expect", "upgrade");

    private final HooksConfig.Outbound config;
    private final SecretResolver secrets;
    private final Duration backoff;
    private final HttpClient client;

    public HttpActions(HooksConfig.Outbound config, SecretResolver secrets) {
        this(config, secrets, Duration.ofMillis(500));
    }

    /** {@code backoff}: the first wait between attempts; it doubles each time, up to 30 s, with jitter. */
    public HttpActions(HooksConfig.Outbound config, SecretResolver secrets, Duration backoff) {
        this.config = config;
        this.secrets = secrets;
        this.backoff = backoff;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpOutcome call(HttpCall call, String idempotencyKey) {
        HttpRequest request;
        try {
            request = request(call, idempotencyKey);
        } catch (IllegalArgumentException | SoloException e) {
            return new HttpOutcome.Refused(e.getMessage());
        }
        HttpOutcome.Failed last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(attempt, last)) {
                break;
            }
            last = null;
            try {
                HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                String body = read(r.body());
                int s = r.statusCode();
                if (s >= 200 && s < 300) {
                    return new HttpOutcome.Succeeded(s, body, attempt);
                }
                boolean retryable = s >= 500 || s == 429 || s == 408;
                last = new HttpOutcome.Failed(s, call.method() + " " + call.url() + " answered " + s, retryable, attempt);
                if (!retryable) {
                    return last;
                }
            } catch (IOException e) {
                last = new HttpOutcome.Failed(0, call.method() + " " + call.url() + ": " + describe(e), true, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpOutcome.Failed(0, "interrupted", true, attempt);
            }
            LOG.info("http action {} {}: attempt {} of {} failed: {}", call.method(), call.url(), attempt,
                    config.maxAttempts(), last.reason());
        }
        return last;
    }

    private HttpRequest request(HttpCall call, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an http action needs an idempotency key (derived from its run and step)");
        }
        if (!HttpCall.METHODS.contains(call.method())) {
            throw new IllegalArgumentException("method " + call.method() + " is not one of " + HttpCall.METHODS);
        }
        URI uri;
        try {
            uri = new URI(call.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + call.url() + "' is not a URL: " + e.getMessage());
        }
        if (config.allow().stream().noneMatch(a -> a.allows(uri))) {
            throw new IllegalArgumentException(call.url() + " is not allowed: add it (or a URL above it) to"
                    + " hooks.outbound.allow in solo.yaml");
        }
        if (call.body() != null && (call.method().equals("GET") || call.method().equals("DELETE"))) {
            throw new IllegalArgumentException(call.method() + " takes no body");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Idempotency-Key", key).header("User-Agent", "solo/0.1").header("Accept", "application/json");
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            if (RESERVED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("header " + h.getKey() + " is set by Solo and cannot be given");
            }
            String v = h.getValue();
            b.header(h.getKey(), v.startsWith("secret:") || v.startsWith("env:") ? secrets.resolve(v) : v);
        }
        if (call.body() != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(call.body()))).build();
    }

    /** Waits before the next attempt; false when interrupted. */
    private boolean pause(int attempt, HttpOutcome.Failed last) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), backoff.toMillis() << Math.min(attempt - 2, 20));
        long wait = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
        }
    }

    private String describe(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + config.timeout().toSeconds() + " s";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

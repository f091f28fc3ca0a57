package solo.execution.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP client LangChain4j's models talk through. It owns what Solo promises about every model call:
 * the provider's concurrency and rate limits, a timeout per attempt, and retries with backoff on 429,
 * 5xx and timeouts that honour {@code Retry-After} (LangChain4j's own retries cannot see that header).
 * Failures end as a {@link ModelCallException} that says what happened; nothing is logged here, so
 * the Authorization header never reaches a log.
 */
final class ResilientHttpClient implements HttpClient {
    private final String provider;
    private final java.net.http.HttpClient http;
    private final ProviderLimits limits;
    private final RetryPolicy retry;
    private final Duration timeout;

    ResilientHttpClient(String provider, ProviderLimits limits, RetryPolicy retry, Duration timeout) {
        this.provider = provider;
        this.limits = limits;
        this.retry = retry;
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .version(Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            Failure failure = attempt(request, attempt);
            if (failure.response != null) {
                return failure.response;
            }
            if (!failure.kind.retryable() || attempt > retry.maxRetries()) {
                throw new ModelCallException(failure.kind, attempt, provider + ": " + failure.message
                        + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
            }
            if (failure.retryAfter.isPresent() && failure.retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                throw new ModelCallException(failure.kind, attempt, provider + ": " + failure.message
                        + "; the server asks to wait " + failure.retryAfter.get().toSeconds()
                        + " s, longer than the " + retry.maxRetryAfter().toSeconds() + " s Solo waits");
            }
            sleep(retry.delay(attempt, failure.retryAfter), attempt);
        }
    }

    private Failure attempt(HttpRequest request, int attempt) {
        try {
            limits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException(FailureKind.CLIENT, attempt, provider + ": interrupted while waiting for a slot");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return Failure.of(FailureKind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            return Failure.of(FailureKind.NETWORK, "cannot reach the server: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException(FailureKind.CLIENT, attempt, provider + ": interrupted during the call");
        } finally {
            limits.release();
        }
        return classify(response);
    }

    private static Failure classify(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Failure ok = Failure.of(null, null, Optional.empty());
            ok.response = SuccessfulHttpResponse.builder().statusCode(status)
                    .headers(response.headers().map()).body(response.body()).build();
            return ok;
        }
        String body = snippet(response.body());
        Optional<Duration> retryAfter = RetryAfter.parse(response.headers().map());
        if (status == 429) {
            return Failure.of(FailureKind.RATE_LIMITED, "HTTP 429 (rate limited): " + body, retryAfter);
        }
        if (status >= 500) {
            return Failure.of(FailureKind.SERVER_ERROR, "HTTP " + status + " (server error): " + body, retryAfter);
        }
        return Failure.of(FailureKind.HTTP_ERROR, "HTTP " + status + ": " + body, Optional.empty());
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                for (String v : h.getValue()) {
                    builder.header(h.getKey(), v);
                }
            }
        }
        String body = request.body();
        var publisher = body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return builder.method(request.method().name(), publisher).build();
    }

    private void sleep(Duration delay, int attempt) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException(FailureKind.CLIENT, attempt, provider + ": interrupted while backing off");
        }
    }

    private static String snippet(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "(empty body)" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // Solo asks for whole answers (they are validated as a whole); streaming is not used.
        throw new UnsupportedOperationException("streaming is not used by Solo");
    }

    private static final class Failure {
        FailureKind kind;
        String message;
        Optional<Duration> retryAfter;
        SuccessfulHttpResponse response;

        static Failure of(FailureKind kind, String message, Optional<Duration> retryAfter) {
            Failure f = new Failure();
            f.kind = kind;
            f.message = message;
            f.retryAfter = retryAfter;
            return f;
        }
    }
}

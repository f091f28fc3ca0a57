package solo.interfaces.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** A plain HTTP client (java.net.http) for a server under test, with the operator's token unless told otherwise. */
public final class Api {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String token;

    public Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public Api withToken(String other) {
        return new Api(base, other);
    }

    public URI base() {
        return base;
    }

    /** An answer: status, body text, headers; {@link #json()} parses the body. */
    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return Json.parse(body, "answer");
        }

        /** The error message of a JSON error answer. */
        public String message() {
            return json().path("error").path("message").asString();
        }

        public String field() {
            return json().path("error").path("field").asString(null);
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, List.of());
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body == null ? null : body instanceof String s ? s : Json.write(body), List.of());
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body instanceof String s ? s : Json.write(body), List.of());
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, List.of());
    }

    /** Any request; {@code headers} as name, value, name, value... */
    public Answer send(String method, String path, String body, List<String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                // a large body waits for the server's go-ahead, as curl does: a 413 then arrives before the body is
                // sent, instead of racing the server's closing of the connection
                .expectContinue(body != null && body.length() > 16 * 1024);
        List<String> h = new ArrayList<>(headers);
        if (token != null) {
            h.addAll(List.of("Authorization", "Bearer " + token));
        }
        if (body != null && !h.contains("Content-Type")) {
            h.addAll(List.of("Content-Type", "application/json"));
        }
        for (int i = 0; i < h.size(); i += 2) {
            b.header(h.get(i), h.get(i + 1));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

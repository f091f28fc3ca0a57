package solo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP server on 127.0.0.1 that speaks a model provider's protocol, scripted per test: each request
 * takes the next queued reply (status, headers, body, delay) and is recorded. When the script runs out it
 * answers 500 "no scripted reply left", so a test that calls more than it expects fails loudly.
 */
public abstract class ScriptedModelServer implements AutoCloseable {

    /** A reply to send: after {@code delay}, this status, these headers, this body. */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {}

    /** A request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, JsonNode body, Instant at) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LinkedBlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** Replies given to every request whose body holds a text, whatever the script's order (background agents). */
    private final Map<String, Reply> standing = new java.util.concurrent.ConcurrentHashMap<>();

    protected ScriptedModelServer(String path) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the scripted model server", e);
        }
        server.createContext(path, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public ScriptedModelServer reply(Reply reply) {
        script.add(reply);
        return this;
    }

    public ScriptedModelServer status(int status, Map<String, String> headers, String body) {
        return reply(new Reply(status, headers, body, Duration.ZERO));
    }

    /** Answers after a delay (longer than the client's timeout, to script a timeout). */
    public ScriptedModelServer slow(Duration delay, String body) {
        return reply(new Reply(200, Map.of(), body, delay));
    }

    /**
     * Answers every request whose body contains {@code marker} with {@code reply}, without taking from the script:
     * for calls made in the background at moments a test does not control (the summarizer after a run ends).
     */
    public ScriptedModelServer whenAsked(String marker, Reply reply) {
        standing.put(marker, reply);
        return this;
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int requestCount() {
        return received.size();
    }

    public int scriptLeft() {
        return script.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = text.isBlank() ? Json.object() : Json.read(text);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            Reply reply = standing.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseGet(script::poll);
            if (reply == null) {
                reply = new Reply(500, Map.of(), "{\"error\":{\"message\":\"no scripted reply left\"}}", Duration.ZERO);
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    return; // the server is closing
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client timed out and left: that is what a timeout test scripts
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

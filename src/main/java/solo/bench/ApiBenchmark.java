package solo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import solo.interfaces.http.SoloServer;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo bench api}: a company of {@code entities} leads on SQLite, served by {@link SoloServer} on
 * 127.0.0.1, and a load generator in the same process (virtual threads, java.net.http, keep-alive): GET
 * one entity by id with the token, as fast as {@code clients} callers can for the phase; then cockpit
 * pages (an entity's page, Today) one caller at a time for their latency. Search joins when memory lands.
 */
public final class ApiBenchmark {
    private final int entities;
    private final int seconds;
    private final int clients;
    private final Consumer<String> progress;

    public ApiBenchmark(int entities, int seconds, int clients, Consumer<String> progress) {
        this.entities = entities;
        this.seconds = seconds;
        this.clients = clients;
        this.progress = progress;
    }

    public ObjectNode run() {
        try (BenchCompany company = BenchCompany.open(null)) {
            var solo = company.solo();
            List<String> ids = fill(solo.store());
            String token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
            try (SoloServer server = SoloServer.start(solo, ServerSettings.defaults().withPort(0))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Load load = new Load(http, server.uri(), token);
                progress.accept("warming up");
                load.run(ids, "/api/entities/", Math.max(1, seconds / 2), clients, new Latencies());
                progress.accept("GET /api/entities/{id} with " + clients + " callers for " + seconds + " s");
                Latencies api = new Latencies();
                long count = load.run(ids, "/api/entities/", seconds, clients, api);
                progress.accept("cockpit pages");
                Latencies page = new Latencies();
                load.run(ids, "/entities/", seconds, 1, page);
                Latencies today = new Latencies();
                load.run(List.of(""), "/", Math.max(1, seconds / 2), 1, today);
                ObjectNode out = Json.object().put("entities", entities).put("clients", clients)
                        .put("get_entity_rps", Math.round(count / (double) seconds))
                        .put("get_entity_p95_ms", api.percentileMs(95)).put("get_entity_p50_ms", api.percentileMs(50))
                        .putNull("search_rps").putNull("search_p95_ms")
                        .put("page_p95_ms", page.percentileMs(95)).put("page_p50_ms", page.percentileMs(50))
                        .put("today_page_p95_ms", today.percentileMs(95));
                out.set("machine", Json.object().put("cores", Runtime.getRuntime().availableProcessors())
                        .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name"))
                        .put("storage", solo.store().storage().kind()).put("load_generator", "same process"));
                return out;
            }
        }
    }

    /** Creates the leads in writes of 1,000 (each one commit); returns their ids. */
    private List<String> fill(solo.state.Store store) {
        List<String> ids = new ArrayList<>(entities);
        for (int done = 0; done < entities; done += 1000) {
            List<Change> batch = new ArrayList<>();
            for (int i = done; i < Math.min(entities, done + 1000); i++) {
                batch.add(new Change.CreateEntity("lead", null, Json.object().put("name", "Lead " + i)
                        .put("email", "lead" + i + "@bench.com").put("score", i % 101).put("source", "import")));
            }
            for (Entity e : store.write(new Write(Actor.SYSTEM, "bench", batch)).entities()) {
                ids.add(e.id());
            }
            if (done % 20_000 == 0) {
                progress.accept("entities: " + done + " / " + entities);
            }
        }
        return ids;
    }

    private record Load(HttpClient http, URI base, String token) {
        /** {@code callers} virtual threads GET {@code prefix + random id} until the time is up; returns the count. */
        long run(List<String> ids, String prefix, int secs, int callers, Latencies latencies) {
            long end = System.nanoTime() + secs * 1_000_000_000L;
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    Latencies mine = new Latencies();
                    while (System.nanoTime() < end) {
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        HttpRequest req = HttpRequest.newBuilder(base.resolve(prefix + id))
                                .header("Authorization", "Bearer " + token).GET().build();
                        long t0 = System.nanoTime();
                        try {
                            int status = http.send(req, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                            mine.add(System.nanoTime() - t0);
                            (status == 200 ? done : failed).incrementAndGet();
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    latencies.addAll(mine);
                }));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " requests to " + prefix + " failed during the benchmark");
            }
            return done.get();
        }
    }
}

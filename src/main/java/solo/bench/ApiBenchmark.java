package solo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import solo.interfaces.http.SoloServer;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;
import solo.memory.MemoryEngine;
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
 * pages (an entity's page, Today) one caller at a time for their latency. Then search: a second company of
 * {@code searchArtifacts} notes, emails and transcripts about customers (those of {@code solo bench memory}),
 * indexed with the in-process embedding model, and {@code GET /api/search} in one customer's memory by
 * {@code searchClients} callers. (Indexing the 100,000 leads themselves would take the embedding model about
 * ten minutes on two cores; a search costs the same embedding of the question either way.)
 */
public final class ApiBenchmark {
    private static final int ENTITY_EVERY = 25;
    private final int entities;
    private final int seconds;
    private final int clients;
    private final int searchArtifacts;
    private final int searchClients;
    private final Consumer<String> progress;

    public ApiBenchmark(int entities, int seconds, int clients, int searchArtifacts, int searchClients, Consumer<String> progress) {
        this.entities = entities;
        this.seconds = seconds;
        this.clients = clients;
        this.searchArtifacts = searchArtifacts;
        this.searchClients = searchClients;
        this.progress = progress;
    }

    public ObjectNode run() {
        ObjectNode out = entitiesAndPages();
        ObjectNode search = search();
        out.put("search_rps", search.get("rps").asLong()).put("search_p95_ms", search.get("p95").asDouble())
                .put("search_p50_ms", search.get("p50").asDouble()).put("search_artifacts", searchArtifacts)
                .put("search_clients", searchClients);
        ObjectNode machine = (ObjectNode) out.remove("machine");
        out.set("machine", machine);
        return out;
    }

    private ObjectNode entitiesAndPages() {
        try (BenchCompany company = BenchCompany.open(null)) {
            var solo = company.solo();
            List<String> ids = fill(solo.store());
            String token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
            try (SoloServer server = SoloServer.start(solo, ServerSettings.defaults().withPort(0))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Load load = new Load(http, server.uri(), token);
                Supplier<String> entity = () -> "/api/entities/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                progress.accept("warming up");
                load.run(entity, Math.max(1, seconds / 2), clients, new Latencies());
                progress.accept("GET /api/entities/{id} with " + clients + " callers for " + seconds + " s");
                Latencies api = new Latencies();
                long count = load.run(entity, seconds, clients, api);
                progress.accept("cockpit pages");
                Latencies page = new Latencies();
                load.run(() -> "/entities/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), seconds, 1, page);
                Latencies today = new Latencies();
                load.run(() -> "/", Math.max(1, seconds / 2), 1, today);
                ObjectNode out = Json.object().put("entities", entities).put("clients", clients)
                        .put("get_entity_rps", Math.round(count / (double) seconds))
                        .put("get_entity_p95_ms", api.percentileMs(95)).put("get_entity_p50_ms", api.percentileMs(50))
                        .put("page_p95_ms", page.percentileMs(95)).put("page_p50_ms", page.percentileMs(50))
                        .put("today_page_p95_ms", today.percentileMs(95));
                out.set("machine", Json.object().put("cores", Runtime.getRuntime().availableProcessors())
                        .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name"))
                        .put("storage", solo.store().storage().kind()).put("load_generator", "same process"));
                return out;
            }
        }
    }

    /**
     * Search through the API on a company whose memory holds {@code searchArtifacts} artifacts, indexed by the
     * in-process embedding model as {@code solo up} indexes them; each question in one customer's memory.
     */
    private ObjectNode search() {
        ExecutorService threads = MemoryEngine.embeddingThreads();
        try (BenchCompany company = BenchCompany.open(null, b -> b.withMemoryEmbedder(MemoryEngine.DEFAULT_MODEL.load(threads)))) {
            var solo = company.solo();
            int customers = Math.max(1, searchArtifacts / ENTITY_EVERY);
            List<Change> batch = new ArrayList<>();
            for (int e = 0; e < customers; e++) {
                batch.add(new Change.CreateEntity("customer", "cust-" + e, Json.object().put("name", "Customer " + e)));
            }
            solo.store().write(new Write(Actor.SYSTEM, "bench customers", batch));
            Random random = new Random(42);
            batch.clear();
            for (int i = 0; i < searchArtifacts; i++) {
                batch.add(MemoryBenchmark.artifact(random, i, "cust-" + random.nextInt(customers)));
                if (batch.size() == 250 || i == searchArtifacts - 1) {
                    solo.store().write(new Write(Actor.OPERATOR, "bench artifacts", batch));
                    batch.clear();
                    solo.memory().catchUp(m -> { });
                    progress.accept("indexed " + (i + 1) + "/" + searchArtifacts + " artifacts for search");
                }
            }
            String token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
            try (SoloServer server = SoloServer.start(solo, ServerSettings.defaults().withPort(0))) {
                Load load = new Load(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), server.uri(), token);
                Supplier<String> question = () -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    return "/api/search?limit=10&entity=cust-" + r.nextInt(customers) + "&q="
                            + URLEncoder.encode(MemoryBenchmark.question(new Random(r.nextLong())), StandardCharsets.UTF_8);
                };
                load.run(question, Math.max(1, seconds / 2), searchClients, new Latencies());
                progress.accept("GET /api/search with " + searchClients + " callers for " + seconds + " s");
                Latencies latencies = new Latencies();
                long count = load.run(question, seconds, searchClients, latencies);
                return Json.object().put("rps", Math.round(count / (double) seconds)).put("p95", latencies.percentileMs(95))
                        .put("p50", latencies.percentileMs(50));
            }
        } finally {
            threads.shutdown();
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
        /** {@code callers} virtual threads GET the paths given until the time is up; returns the count. */
        long run(Supplier<String> paths, int secs, int callers, Latencies latencies) {
            long end = System.nanoTime() + secs * 1_000_000_000L;
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    Latencies mine = new Latencies();
                    while (System.nanoTime() < end) {
                        HttpRequest req = HttpRequest.newBuilder(base.resolve(paths.get()))
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
                throw new IllegalStateException(failed.get() + " requests (like " + paths.get() + ") failed during the benchmark");
            }
            return done.get();
        }
    }
}

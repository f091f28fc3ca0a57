package solo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Store;
import solo.state.Write;
import solo.state.storage.DatabaseUrls;
import solo.state.storage.StorageException;
import solo.state.storage.jdbc.JdbcStorage;
import solo.state.storage.postgres.LocalPostgres;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo bench store}: durable entity updates (each with its event) from concurrent writers, reads
 * by id, reading a 1,000-version history, and bytes per entity — on SQLite and on PostgreSQL, both with
 * the settings under which a commit survives a power loss.
 */
public final class StoreBenchmark {
    private static final int SEED_ENTITIES = 10_000;
    private final int seconds;
    private final int writers;
    private final Consumer<String> progress;

    public StoreBenchmark(int seconds, int writers, Consumer<String> progress) {
        this.seconds = seconds;
        this.writers = writers;
        this.progress = progress;
    }

    public ObjectNode run(String postgresUrl, String only) {
        ObjectNode result = Json.object();
        if (only == null || only.equals("sqlite")) {
            progress.accept("sqlite");
            try (BenchCompany company = BenchCompany.open(null)) {
                result.set("sqlite", measure(company.solo().store()));
            }
        }
        if (only == null || only.equals("postgres")) {
            progress.accept("postgres");
            result.set("postgres", postgresUrl == null ? onLocalPostgres() : onServer(postgresUrl));
        }
        result.set("machine", Json.object().put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", Runtime.version().toString()).put("os", System.getProperty("os.name")));
        return result;
    }

    private ObjectNode onLocalPostgres() {
        try (LocalPostgres pg = LocalPostgres.start(); BenchCompany company = BenchCompany.open(pg.createDatabase("solo_bench"))) {
            return measure(company.solo().store());
        }
    }

    /** On an existing server the benchmark works in a schema of its own, dropped afterwards. */
    private ObjectNode onServer(String url) {
        String jdbc = DatabaseUrls.toJdbc(url);
        String schema = "solo_bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
            try (BenchCompany company = BenchCompany.open(jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema)) {
                return measure(company.solo().store());
            } finally {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new StorageException("postgres: " + DatabaseUrls.redact(url) + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode measure(Store store) {
        ObjectNode out = Json.object();
        List<Entity> seeded = seed(store, out);
        progress.accept("  writes from " + writers + " writers");
        measureWrites(store, seeded, out);
        progress.accept("  reads");
        measureReads(store, seeded, out);
        progress.accept("  history of 1,000 versions");
        out.put("history_1000_ms", historyMs(store));
        out.put("bytes_per_entity", out.remove("bytes_per_entity").asLong());
        out.put("writers", writers);
        if (store.storage() instanceof JdbcStorage jdbc) {
            out.put("mean_group_size", Latencies.round(jdbc.meanGroupSize()));
        }
        out.set("settings", Json.tree(store.storage().durability()));
        return out;
    }

    private List<Entity> seed(Store store, ObjectNode out) {
        checkpoint(store);
        long before = store.storage().sizeOnDisk();
        List<Entity> entities = new ArrayList<>(SEED_ENTITIES);
        for (int batch = 0; batch < SEED_ENTITIES / 100; batch++) {
            List<Change> creates = new ArrayList<>(100);
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                creates.add(new Change.CreateEntity("lead", null, Json.object().put("name", "Lead " + n)
                        .put("email", "lead" + n + "@example.com").put("status", "new").put("score", n % 100)));
            }
            entities.addAll(store.write(new Write(Actor.SYSTEM, "bench seed", creates)).entities());
        }
        checkpoint(store);
        out.put("bytes_per_entity", (store.storage().sizeOnDisk() - before) / SEED_ENTITIES);
        return entities;
    }

    private void measureWrites(Store store, List<Entity> seeded, ObjectNode out) {
        List<Writer> ws = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            ws.add(new Writer(store, seeded, i, writers));
        }
        runFor(1, i -> ws.get(i)::run, new Latencies(), new LongAdder()); // warm-up
        Latencies latencies = new Latencies();
        LongAdder count = new LongAdder();
        double elapsed = runFor(seconds, i -> ws.get(i)::run, latencies, count);
        out.put("writes_per_s", Math.round(count.sum() / elapsed));
        out.put("write_p50_ms", latencies.percentileMs(50));
        out.put("write_p99_ms", latencies.percentileMs(99));
    }

    private void measureReads(Store store, List<Entity> seeded, ObjectNode out) {
        LongAdder count = new LongAdder();
        double elapsed = runFor(seconds, i -> () -> store.find(seeded.get(ThreadLocalRandom.current()
                .nextInt(seeded.size())).id()), new Latencies(), count);
        out.put("reads_per_s", Math.round(count.sum() / elapsed));
    }

    private double historyMs(Store store) {
        Entity e = store.create(Actor.SYSTEM, "bench history", "lead", Json.object().put("name", "History"));
        List<Change> updates = new ArrayList<>();
        for (int v = 1; v < 1000; v++) {
            updates.add(new Change.UpdateEntity(e.id(), v, Json.object().put("name", "History").put("score", v % 101)));
        }
        store.write(new Write(Actor.SYSTEM, "bench history", updates));
        Latencies timings = new Latencies();
        for (int i = 0; i < 25; i++) {
            long t0 = System.nanoTime();
            int n = store.history(e.id()).size();
            if (n != 1000) {
                throw new IllegalStateException("expected 1000 versions, read " + n);
            }
            if (i >= 5) {
                timings.add(System.nanoTime() - t0);
            }
        }
        return timings.percentileMs(50);
    }

    /** One writer's loop body: update one of its own entities (so writers never conflict). */
    private static final class Writer implements Runnable {
        private final Store store;
        private final List<Entity> mine = new ArrayList<>();
        private int next;

        Writer(Store store, List<Entity> seeded, int index, int writers) {
            this.store = store;
            for (int i = index; i < seeded.size() && mine.size() < 64; i += writers) {
                mine.add(seeded.get(i));
            }
        }

        @Override
        public void run() {
            int k = next++ % mine.size();
            Entity e = mine.get(k);
            ObjectNode body = ((ObjectNode) e.body().deepCopy()).put("score", (int) ((e.version() + 1) % 100));
            mine.set(k, store.update(Actor.SYSTEM, "bench", e.id(), e.version(), body));
        }
    }

    private interface Task {
        void run();
    }

    private interface TaskFactory {
        Task make(int index);
    }

    /** Runs one task per thread, in a loop, for the given seconds; returns the elapsed seconds. */
    private double runFor(int secs, TaskFactory factory, Latencies latencies, LongAdder count) {
        long deadline = System.nanoTime() + secs * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < writers; i++) {
            Task task = factory.make(i);
            threads.add(Thread.ofPlatform().start(() -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    task.run();
                    mine.add(System.nanoTime() - t0);
                    count.increment();
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
        return (System.nanoTime() - start) / 1e9;
    }

    private static void checkpoint(Store store) {
        if (store.storage().kind().equals("sqlite")) {
            store.storage().read(sql -> sql.queryOne("PRAGMA wal_checkpoint(TRUNCATE)", rs -> rs.getInt(1)));
        }
    }

}

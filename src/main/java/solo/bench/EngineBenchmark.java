package solo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.orchestration.runtime.Run;
import solo.state.storage.DatabaseUrls;
import solo.state.storage.StorageException;
import solo.state.storage.jdbc.JdbcStorage;
import solo.state.storage.postgres.LocalPostgres;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo bench engine}: no-op steps of 5-step flows with 1, 16 and 256 runs in flight, every step
 * checkpointed durably; the overhead of one step; and the time from opening a company with 10,000
 * runs in flight to the first resumed step — on SQLite and on PostgreSQL, both with power-loss-safe settings.
 */
public final class EngineBenchmark {
    static final String FLOW = """
            description: five no-op steps (solo bench engine)
            steps:
              - id: s1
                agent: bench
              - id: s2
                agent: bench
              - id: s3
                agent: bench
              - id: s4
                agent: bench
              - id: s5
                agent: bench
            """;
    private static final int RESUME_RUNS = 10_000;
    private final int seconds;
    private final Consumer<String> progress;
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();
    private volatile Latencies overhead;
    private volatile CountDownLatch firstStep = new CountDownLatch(0);

    public EngineBenchmark(int seconds, Consumer<String> progress) {
        this.seconds = seconds;
        this.progress = progress;
    }

    public ObjectNode run(String postgresUrl, String only) {
        ObjectNode result = Json.object();
        if (only == null || only.equals("sqlite")) {
            progress.accept("sqlite");
            result.set("sqlite", measure(null));
        }
        if (only == null || only.equals("postgres")) {
            progress.accept("postgres");
            if (postgresUrl == null) {
                try (LocalPostgres pg = LocalPostgres.start()) {
                    result.set("postgres", measure(pg.createDatabase("solo_bench_engine")));
                }
            } else {
                result.set("postgres", onServer(postgresUrl));
            }
        }
        result.set("machine", Json.object().put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", Runtime.version().toString()).put("os", System.getProperty("os.name")));
        return result;
    }

    /** On an existing server the benchmark works in a schema of its own, dropped afterwards. */
    private ObjectNode onServer(String url) {
        String jdbc = DatabaseUrls.toJdbc(url);
        String schema = "solo_bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
            try {
                return measure(jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            } finally {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            throw new StorageException("postgres: " + DatabaseUrls.redact(url) + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode measure(String databaseUrl) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("solo-bench-engine-");
            Company company = CompanyTemplate.init(dir.resolve("company"), "bench");
            Files.writeString(company.flowsDir().resolve("bench5.yaml"), FLOW);
            ObjectNode out = Json.object();
            try (Solo solo = open(company, databaseUrl)) {
                for (int c : new int[] {1, 16, 256}) {
                    progress.accept("  " + c + " run" + (c == 1 ? "" : "s") + " in flight");
                    out.put("steps_per_s_c" + c, Math.round(throughput(solo, c, c == 1)));
                    if (c == 1) {
                        out.put("step_overhead_p50_ms", overhead.percentileMs(50));
                        out.put("step_overhead_p99_ms", overhead.percentileMs(99));
                        // the floor under it: one durable commit of nothing, alone (an fsync on this disk)
                        double commit = commitP50(solo);
                        out.put("durable_commit_p50_ms", commit);
                        out.put("engine_overhead_p50_ms", Latencies.round(Math.max(0, overhead.percentileMs(50) - commit)));
                    }
                }
                out.put("mean_checkpoints_per_batch", Latencies.round(solo.orchestrator().meanCheckpointBatch()));
                if (solo.store().storage() instanceof JdbcStorage jdbc) {
                    out.put("mean_group_size", Latencies.round(jdbc.meanGroupSize()));
                }
                out.set("settings", Json.tree(solo.store().storage().durability()));
                progress.accept("  resume with " + RESUME_RUNS + " runs in flight");
                new RunsInFlight(solo, RESUME_RUNS).create();
            }
            // a restarted solo up: a new JVM with the class-data archive the launcher keeps (made by the first start)
            Path archive = dir.resolve("resume.jsa");
            resumeInNewProcessMs(company, databaseUrl, archive);
            new RunsInFlight.Reset(company, databaseUrl).run();
            out.put("resume_first_step_ms", resumeInNewProcessMs(company, databaseUrl, archive));
            progress.accept("  resume again, in this process");
            new RunsInFlight.Reset(company, databaseUrl).run();
            out.put("resume_first_step_in_process_ms", resumeMs(company, databaseUrl));
            out.put("resume_runs_in_flight", RESUME_RUNS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private Solo open(Company company, String databaseUrl) {
        return Solo.builder(company).withDatabaseUrl(databaseUrl).withAgentFunction("bench", c -> {
            firstStep.countDown();
            long now = System.nanoTime();
            Long before = lastStep.put(c.runId(), now);
            Latencies l = overhead;
            if (before != null && l != null) {
                l.add(now - before);
            }
            return null;
        }).open();
    }

    /** Steps per second with {@code inFlight} runs driven at once, each started as soon as the last one ends. */
    private double throughput(Solo solo, int inFlight, boolean warmUp) {
        if (warmUp) {
            drive(solo, inFlight, 2, new LongAdder());
        }
        overhead = new Latencies();
        LongAdder steps = new LongAdder();
        double elapsed = drive(solo, inFlight, seconds, steps);
        overhead = inFlight == 1 ? overhead : null;
        lastStep.clear();
        return steps.sum() / elapsed;
    }

    private double drive(Solo solo, int inFlight, int secs, LongAdder steps) {
        var o = solo.orchestrator();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    Run run = o.runs().startLeased("bench5", null, null);
                    o.worker().drive(run);
                    lastStep.remove(run.id());
                    steps.add(5);
                }
            }));
        }
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(secs));
            stop.set(true);
            double elapsed = (System.nanoTime() - start) / 1e9;
            for (Thread t : threads) {
                t.join();
            }
            return elapsed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double commitP50(Solo solo) {
        Latencies commits = new Latencies();
        for (int i = 0; i < 500; i++) {
            long t0 = System.nanoTime();
            long n = i;
            solo.store().storage().write(tx -> tx.update("INSERT INTO trigger_cursors (name, seq) VALUES ('bench-commit', ?)"
                    + " ON CONFLICT (name) DO UPDATE SET seq = excluded.seq", n));
            commits.add(System.nanoTime() - t0);
        }
        return commits.percentileMs(50);
    }

    /**
     * Starts a new JVM that opens the company as a restarted {@code solo up} would, and times from
     * starting that process to its first resumed step (JVM start included).
     */
    private static long resumeInNewProcessMs(Company company, String databaseUrl, Path archive) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ResumeProbe.class.getName(),
                company.dir().toString()));
        if (databaseUrl != null) {
            command.add(databaseUrl);
        }
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (var out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("first-step")) {
                    // wait for the probe's line
                }
                long ms = Math.round((System.nanoTime() - start) / 1e6);
                p.waitFor(30, TimeUnit.SECONDS);
                if (line == null) {
                    throw new IllegalStateException("the resume probe exited without resuming a run");
                }
                return ms;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the company again, as a restarted {@code solo up}, and times the first resumed step. */
    private long resumeMs(Company company, String databaseUrl) {
        firstStep = new CountDownLatch(1);
        long start = System.nanoTime();
        try (Solo solo = open(Company.open(company.dir()), databaseUrl)) {
            solo.orchestrator().start();
            if (!firstStep.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no run resumed within 60 s");
            }
            return Math.round((System.nanoTime() - start) / 1e6);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}

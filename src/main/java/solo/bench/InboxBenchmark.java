package solo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Stream;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.orchestration.Orchestrator;
import solo.orchestration.action.GuardDecision;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.Run;
import solo.state.Actor;
import solo.state.storage.postgres.LocalPostgres;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo bench inbox}: the inbox with {@code items} waiting items, made by real runs (gates, some with a
 * deadline within the day, some days away; approvals of actions with business impacts): how long the first page
 * of the queue takes to read, and how long one decision takes (approving an item: the step's new checkpoint,
 * the run's transition, the decision's event and the item closed, in one durable commit).
 */
public final class InboxBenchmark {
    static final String GATE = """
            description: waits for the operator (solo bench inbox)
            input: {required: [n]}
            steps:
              - id: review
                gate: "Review item ${string(input.n)}"
                input: {n: "${input.n}"}
            """;
    static final String SOON = """
            description: waits for the operator until a deadline (solo bench inbox)
            steps:
              - id: review
                gate: {prompt: "Due today", deadline: 6h, default: reject}
            """;
    static final String LATER = """
            description: waits for the operator until a far deadline (solo bench inbox)
            steps:
              - id: review
                gate: {prompt: "Due in a week", deadline: 7d, default: approve}
            """;
    static final String SEND = """
            description: an email the escalation thresholds hold for the operator (solo bench inbox)
            steps:
              - id: draft
                agent: unsure
              - id: send
                action: email.send
                input: {to: ["someone@example.com"], subject: "Hello", text: "${steps.draft.output.text}"}
            """;
    private static final int PAGE = 20;
    private static final int PAGE_READS = 200;
    private static final int DECISIONS = 100;
    private final int items;
    private final Consumer<String> progress;

    public InboxBenchmark(int items, Consumer<String> progress) {
        this.items = items;
        this.progress = progress;
    }

    public ObjectNode run(String databaseUrl, boolean postgres) {
        if (postgres && databaseUrl == null) {
            try (LocalPostgres pg = LocalPostgres.start()) {
                return measure(pg.createDatabase("solo_bench_inbox"), "postgres");
            }
        }
        return measure(databaseUrl, databaseUrl == null ? "sqlite" : "postgres");
    }

    private ObjectNode measure(String databaseUrl, String storage) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("solo-bench-inbox-");
            Company company = CompanyTemplate.init(dir.resolve("company"), "bench");
            Files.writeString(company.flowsDir().resolve("bench-gate.yaml"), GATE);
            Files.writeString(company.flowsDir().resolve("bench-soon.yaml"), SOON);
            Files.writeString(company.flowsDir().resolve("bench-later.yaml"), LATER);
            Files.writeString(company.flowsDir().resolve("bench-send.yaml"), SEND);
            try (Solo solo = Solo.builder(company).withDatabaseUrl(databaseUrl)
                    .withAgentFunction("unsure", c -> Json.object().put("text", "a draft"))
                    .withActionGuard(r -> GuardDecision.requireApproval("below the threshold"))
                    .open()) {
                progress.accept("making " + items + " waiting items with real runs (" + storage + ")");
                fill(solo.orchestrator());
                Inbox inbox = solo.orchestrator().inbox();
                long open = inbox.list(0, 1, false).open();
                progress.accept("reading the first page " + PAGE_READS + " times");
                long cold = System.nanoTime();
                List<InboxItem> first = inbox.list(0, PAGE, false).items();
                double coldMs = Latencies.round((System.nanoTime() - cold) / 1e6);
                Latencies pages = new Latencies();
                for (int i = 0; i < PAGE_READS; i++) {
                    long t = System.nanoTime();
                    inbox.list(0, PAGE, false);
                    pages.add(System.nanoTime() - t);
                }
                progress.accept("approving " + DECISIONS + " items");
                Latencies decisions = new Latencies();
                List<InboxItem> toDecide = inbox.list(0, DECISIONS, false).items();
                for (InboxItem item : toDecide) {
                    long t = System.nanoTime();
                    inbox.approve(item.id(), "bench", Actor.OPERATOR);
                    decisions.add(System.nanoTime() - t);
                }
                ObjectNode out = Json.object().put("items", open).put("first_page_ms", pages.percentileMs(50))
                        .put("decide_ms", decisions.percentileMs(50)).put("first_page_p95_ms", pages.percentileMs(95))
                        .put("first_page_cold_ms", coldMs).put("decide_p95_ms", decisions.percentileMs(95))
                        .put("page_size", PAGE).put("first_item", first.isEmpty() ? null : first.getFirst().title())
                        .put("storage", storage);
                out.set("machine", Json.object().put("cores", Runtime.getRuntime().availableProcessors())
                        .put("java", Runtime.version().toString()));
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** Starts the runs, 64 at a time, each driven until it waits for the operator. */
    private void fill(Orchestrator o) {
        Semaphore inFlight = new Semaphore(64);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            int n = i;
            inFlight.acquireUninterruptibly();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    String flow = n % 50 == 0 ? "bench-soon" : n % 50 == 1 ? "bench-later" : n % 10 == 2 ? "bench-send" : "bench-gate";
                    Run run = o.runs().startLeased(flow, flow.equals("bench-gate") ? Json.object().put("n", n) : null, null);
                    o.worker().drive(run);
                } finally {
                    inFlight.release();
                }
            }));
            if (n % 1000 == 999) {
                progress.accept("  " + (n + 1) + " runs");
            }
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the OS cleans it up eventually
        }
    }
}

package solo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import solo.app.Solo;
import solo.memory.MemoryEngine;
import solo.memory.MemoryQuery;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo bench memory}: N generated artifacts (notes, emails and call transcripts about customers,
 * written from a fixed seed) go in through the product's path — {@code Store.write}, then the index follows
 * the event log with the in-process embedding model — and then entity-scoped searches, company-wide
 * searches and 2,000-token context packs are timed. Prints one JSON line.
 */
public final class MemoryBenchmark {
    private static final String[] PEOPLE = {"Ana Ruiz", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Novak", "Femi Adeyemi",
        "Greta Holm", "Hiro Tanaka", "Ines Costa", "Jonas Weber", "Kira Ivanova", "Luca Rossi"};
    private static final String[] TOPICS = {"website redesign", "data migration", "pricing proposal", "invoice overdue",
        "onboarding workshop", "security review", "mobile app", "SEO audit", "contract renewal", "support retainer",
        "analytics dashboard", "newsletter", "brand guidelines", "API integration", "hosting costs", "training session"};
    private static final String[] ASKS = {"asked for a revised quote", "wants the launch moved to", "approved the budget for",
        "reported a bug in", "needs a call about", "sent feedback on", "is unhappy with the delay of", "agreed to extend",
        "asked who owns", "wants a discount on", "requested an estimate for", "signed off"};
    private static final String[] WHEN = {"next Monday", "end of the month", "before the holidays", "in two weeks", "this Friday",
        "early March", "Q3", "tomorrow"};
    private static final String[] KINDS = {"note", "email", "transcript"};
    private static final int ENTITY_EVERY = 25;
    private static final int WRITE_BATCH = 250;

    private final int artifacts;
    private final Consumer<String> progress;

    public MemoryBenchmark(int artifacts, Consumer<String> progress) {
        this.artifacts = artifacts;
        this.progress = progress;
    }

    public ObjectNode run() {
        ExecutorService threads = MemoryEngine.embeddingThreads();
        try (BenchCompany bench = BenchCompany.open(null, b -> b.withMemoryEmbedder(MemoryEngine.DEFAULT_MODEL.load(threads)))) {
            Solo solo = bench.solo();
            Random random = new Random(42);
            int entities = Math.max(1, artifacts / ENTITY_EVERY);
            List<Change> customers = new ArrayList<>();
            for (int e = 0; e < entities; e++) {
                customers.add(new Change.CreateEntity("customer", "cust-" + e, Json.object().put("name", "Customer " + e)));
                if (customers.size() == 1000) {
                    solo.store().write(new Write(Actor.SYSTEM, "bench customers", customers));
                    customers.clear();
                }
            }
            if (!customers.isEmpty()) {
                solo.store().write(new Write(Actor.SYSTEM, "bench customers", customers));
            }
            solo.memory().catchUp(m -> { }); // the customers' own records: not part of the artifacts' rate
            progress.accept(entities + " customers");
            long t0 = System.nanoTime();
            List<Change> batch = new ArrayList<>();
            for (int i = 0; i < artifacts; i++) {
                batch.add(artifact(random, i, "cust-" + random.nextInt(entities)));
                if (batch.size() == WRITE_BATCH || i == artifacts - 1) {
                    solo.store().write(new Write(Actor.OPERATOR, "bench artifacts", batch));
                    batch.clear();
                    solo.memory().catchUp(m -> { }); // index as they come, as a running Solo does
                    if ((i + 1) % 5000 == 0 || i == artifacts - 1) {
                        progress.accept("ingested " + (i + 1) + "/" + artifacts);
                    }
                }
            }
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            Latencies query = new Latencies();
            Latencies company = new Latencies();
            Latencies pack = new Latencies();
            Random q = new Random(7);
            for (int warm = 0; warm < 50; warm++) {
                solo.memory().search(MemoryQuery.entity(question(q), "cust-" + q.nextInt(entities), 0, 10));
            }
            for (int i = 0; i < 300; i++) {
                String text = question(q);
                String entity = "cust-" + q.nextInt(entities);
                long s = System.nanoTime();
                solo.memory().search(MemoryQuery.entity(text, entity, 0, 10));
                query.add(System.nanoTime() - s);
                s = System.nanoTime();
                solo.memory().search(MemoryQuery.company(text, 10));
                company.add(System.nanoTime() - s);
            }
            progress.accept("searches timed");
            for (int i = 0; i < 200; i++) {
                String entity = "cust-" + q.nextInt(entities);
                long s = System.nanoTime();
                solo.memory().contextPack(entity, "draft a reply about the " + TOPICS[q.nextInt(TOPICS.length)], 2000);
                pack.add(System.nanoTime() - s);
            }
            ObjectNode out = Json.object();
            out.put("artifacts", artifacts);
            out.put("ingest_per_s", Math.round(artifacts / ingestSeconds * 10) / 10.0);
            out.put("index_bytes", solo.memory().engine().index().sizeBytes());
            out.put("query_p50_ms", query.percentileMs(50));
            out.put("query_p95_ms", query.percentileMs(95));
            out.put("company_query_p95_ms", company.percentileMs(95));
            out.put("pack_p50_ms", pack.percentileMs(50));
            out.put("pack_p95_ms", pack.percentileMs(95));
            return out;
        } finally {
            threads.shutdown();
        }
    }

    static Change artifact(Random r, int i, String customer) {
        String person = PEOPLE[r.nextInt(PEOPLE.length)];
        String topic = TOPICS[r.nextInt(TOPICS.length)];
        String kind = KINDS[r.nextInt(KINDS.length)];
        String text = person + " " + ASKS[r.nextInt(ASKS.length)] + " the " + topic + " " + WHEN[r.nextInt(WHEN.length)] + ". "
                + "Budget is about " + (1 + r.nextInt(40)) * 500 + " EUR; " + person.split(" ")[0] + " will confirm with "
                + PEOPLE[r.nextInt(PEOPLE.length)] + " after the " + TOPICS[r.nextInt(TOPICS.length)] + " is settled.";
        var m = Json.object().put("author", person).put("time", java.time.Instant.ofEpochSecond(1_700_000_000L + i * 600L).toString());
        return new Change.AddArtifact("a" + i, kind, topic, text, null, "text/plain", null, m, List.of(customer));
    }

    static String question(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "what did " + PEOPLE[r.nextInt(PEOPLE.length)].split(" ")[0] + " say about the " + TOPICS[r.nextInt(TOPICS.length)];
            case 1 -> "when is the " + TOPICS[r.nextInt(TOPICS.length)] + " due";
            default -> "budget for " + TOPICS[r.nextInt(TOPICS.length)];
        };
    }
}

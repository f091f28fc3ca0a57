package solo.orchestration.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.inbox.Notifier;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.RefusedWriteException;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;

/**
 * The daily digest: what ran, what waits, what failed and what it cost, for one day of the company's time
 * zone, as an artifact of kind {@code digest} (id {@code digest-DAY}, so that each day has one, whoever writes
 * it first), and by email to the operator when solo.yaml gives their address. {@code solo up} writes the day
 * before's digest once {@code digest.at} has passed each day ({@link #tick}); a day Solo was down is written
 * when it comes back; a day before the company's first event or run has none.
 */
public final class Digest {
    private static final Logger LOG = LoggerFactory.getLogger(Digest.class);
    public static final String KIND = "digest";

    private final Store store;
    private final Inbox inbox;
    private final ModelUsage usage;
    private final Notifier notifier;
    private final DigestSettings settings;
    private final ZoneId zone;
    private final String company;
    private final Clock clock;
    /** When the company's first event or run happened, once known. */
    private volatile Instant began;

    public Digest(Store store, Inbox inbox, ModelUsage usage, Notifier notifier, DigestSettings settings, ZoneId zone,
            String company, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.usage = usage;
        this.notifier = notifier;
        this.settings = settings;
        this.zone = zone;
        this.company = company;
        this.clock = clock;
    }

    /** A digest written (or found written), and where it was sent (null: not sent). */
    public record Written(String artifactId, LocalDate day, String text, boolean created, String sentTo) {}

    /** The day a digest written now covers: yesterday, in the company's time zone. */
    public LocalDate yesterday() {
        return LocalDate.ofInstant(clock.instant(), zone).minusDays(1);
    }

    public static String artifactId(LocalDate day) {
        return "digest-" + day;
    }

    /** Writes the day's digest unless it exists (then returns it as it was written), and sends it when asked. */
    public Written write(LocalDate day, boolean send) {
        String id = artifactId(day);
        Optional<Artifact> existing = store.artifact(id);
        boolean created = false;
        String text;
        if (existing.isPresent()) {
            text = existing.get().text();
        } else {
            Summary s = summarize(day);
            text = s.text();
            try {
                store.write(Write.of(Actor.SYSTEM, "the daily digest of " + day, new Change.AddArtifact(id, KIND,
                        "Daily digest " + day, text, null, "text/markdown", null, s.metadata(), List.of())));
                created = true;
            } catch (RefusedWriteException raced) {
                text = store.artifact(id).map(Artifact::text).orElse(text); // another process wrote it first
            }
        }
        String to = send ? notifier.notify("[solo] Daily digest " + day + " — " + company, text, id) : null;
        return new Written(id, day, text, created, to);
    }

    /** Called every few seconds by {@code solo up}: once a day, after {@code digest.at}, the day before's digest. */
    public Optional<Written> tick() {
        Instant now = clock.instant();
        if (now.atZone(zone).toLocalTime().isBefore(settings.at())) {
            return Optional.empty();
        }
        LocalDate day = yesterday();
        if (store.artifact(artifactId(day)).isPresent() || !existedBefore(day.plusDays(1).atStartOfDay(zone).toInstant())) {
            return Optional.empty();
        }
        try {
            Written w = write(day, settings.send());
            LOG.info("daily digest of {} written ({}){}", day, w.artifactId(), w.sentTo() == null ? "" : ", sent to " + w.sentTo());
            return Optional.of(w);
        } catch (RuntimeException e) {
            LOG.warn("daily digest of {}: {}", day, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the company held anything (an event, a run) before a time: no digest of a day before it began. */
    private boolean existedBefore(Instant t) {
        if (began != null) {
            return began.isBefore(t);
        }
        Long first = store.storage().read(sql -> {
            long event = sql.queryLong("SELECT COALESCE(MIN(at), -1) FROM events WHERE seq = 1");
            long run = sql.queryLong("SELECT COALESCE(MIN(created_at), -1) FROM runs");
            long earliest = event < 0 ? run : run < 0 ? event : Math.min(event, run);
            return earliest < 0 ? null : earliest;
        });
        if (first == null) {
            return false;
        }
        began = Instant.ofEpochMilli(first);
        return began.isBefore(t);
    }

    private record Summary(String text, tools.jackson.databind.node.ObjectNode metadata) {}

    private record RunLine(String id, String flow, String status, String error) {}

    /** The day's digest as text (markdown) and numbers. */
    public String text(LocalDate day) {
        return summarize(day).text();
    }

    private Summary summarize(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<RunLine> runs = store.storage().read(sql -> sql.query("SELECT id, flow, status, error FROM runs"
                + " WHERE parent_run IS NULL AND created_at >= ? AND created_at < ? ORDER BY created_at, id",
                rs -> new RunLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                from.toEpochMilli(), to.toEpochMilli()));
        List<String[]> failures = store.storage().read(sql -> sql.query("SELECT i.id, i.run_id, i.flow, i.title, i.decision,"
                + " i.decided_by FROM inbox_items i WHERE i.kind = 'failure' AND i.opened_at >= ? AND i.opened_at < ?"
                + " ORDER BY i.opened_at, i.id", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)}, from.toEpochMilli(), to.toEpochMilli()));
        Inbox.Page waiting = inbox.list(0, 10, false);
        ModelUsage.Totals spent = usage.onDay(day);

        StringBuilder b = new StringBuilder();
        b.append("# Daily digest — ").append(company.isBlank() ? "Solo" : company).append(" — ").append(day).append("\n\n");
        b.append("## What ran\n\n");
        if (runs.isEmpty()) {
            b.append("No runs started.\n");
        } else {
            Map<String, Map<String, Integer>> byFlow = new TreeMap<>();
            runs.forEach(r -> byFlow.computeIfAbsent(r.flow(), k -> new TreeMap<>()).merge(r.status(), 1, Integer::sum));
            b.append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(" started.\n\n");
            byFlow.forEach((flow, statuses) -> {
                List<String> parts = new ArrayList<>();
                statuses.forEach((st, n) -> parts.add(n + " " + st));
                b.append("- ").append(flow).append(": ").append(String.join(", ", parts)).append('\n');
            });
        }
        b.append("\n## What waits\n\n");
        if (waiting.open() == 0) {
            b.append("Nothing waits for you.\n");
        } else {
            b.append(waiting.open()).append(waiting.open() == 1 ? " item waits" : " items wait").append(" in the inbox")
                    .append(waiting.snoozed() > 0 ? " (" + waiting.snoozed() + " snoozed)" : "").append(", most urgent first:\n\n");
            for (InboxItem i : waiting.items()) {
                b.append("- [").append(i.kind()).append("] ").append(i.flow()).append(": ").append(i.title())
                        .append(i.dueAt() == null ? "" : " (due " + i.dueAt() + ", then " + i.defaultDecision() + ")")
                        .append(" — solo inbox show ").append(i.id()).append('\n');
            }
        }
        b.append("\n## What failed\n\n");
        if (failures.isEmpty()) {
            b.append("No run failed.\n");
        } else {
            for (String[] f : failures) {
                b.append("- ").append(f[2]).append(" ").append(f[1]).append(": ").append(f[3])
                        .append(f[4] == null ? " — waits for you: solo inbox show " + f[0]
                                : " — " + f[4] + " by " + f[5]).append('\n');
            }
        }
        b.append("\n## What it cost\n\n");
        if (spent.calls() == 0) {
            b.append("No model calls.\n");
        } else {
            b.append(String.format(Locale.ROOT, "%d model call%s, %d tokens in and %d out, %.4f %s; %d answered from the cache.%n",
                    spent.calls(), spent.calls() == 1 ? "" : "s", spent.inputTokens(), spent.outputTokens(),
                    spent.costMicros() / 1_000_000.0, usage.currency(), spent.cacheHits()));
        }
        var meta = Json.object().put("day", day.toString()).put("runs", runs.size()).put("waiting", waiting.open())
                .put("failed", failures.size()).put("calls", spent.calls()).put("cost_micros", spent.costMicros())
                .put("currency", usage.currency());
        return new Summary(b.toString(), meta);
    }
}

package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.memory.Memory;
import solo.memory.retention.Retention;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ArrayNode;

/** {@code solo memory ...}: the index, summaries and retention. */
@Command(name = "memory", description = "Memory's index, summaries and retention.",
        subcommands = {MemoryCommand.Status.class, MemoryCommand.Rebuild.class, MemoryCommand.Prune.class,
            MemoryCommand.Summarize.class})
final class MemoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", description = "Where the index stands in the event log, its size and model.")
    static final class Status implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                Memory m = solo.memory();
                long head = solo.store().lastSeq();
                long at = m.follower().position();
                var o = Json.object().put("index", m.indexDir().toString()).put("index_id", m.follower().indexId())
                        .put("model", m.engine().embedder().name()).put("position", at).put("head", head)
                        .put("behind", Math.max(0, head - at)).put("shared", m.readOnly())
                        .put("index_bytes", m.engine().index().sizeBytes());
                try (var view = m.engine().index().view()) {
                    o.put("chunks", view.chunkCount());
                }
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(o);
                } else {
                    out.line("index %s (%s, model %s): %d chunks, %d bytes; at event %d of %d%s", m.indexDir(),
                            m.follower().indexId(), o.get("model").asString(), o.get("chunks").asInt(), o.get("index_bytes").asLong(),
                            at, head, m.readOnly() ? " (written by a running solo up)" : "");
                }
            }
        }
    }

    @Command(name = "rebuild", description = "Rebuild the index from the store (replays the event log); the live index stays until it is done.")
    static final class Rebuild implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                long t0 = System.nanoTime();
                long events;
                try {
                    events = solo.memory().rebuild(new TerminalProgress(spec.commandLine().getErr()));
                } catch (IllegalStateException e) {
                    throw new SoloException(e.getMessage());
                }
                double s = (System.nanoTime() - t0) / 1e9;
                Printer out = new Printer(spec, common);
                long chunks;
                try (var view = solo.memory().engine().index().view()) {
                    chunks = view.chunkCount();
                }
                if (out.json()) {
                    out.json(Json.object().put("events", events).put("chunks", chunks).put("seconds", Math.round(s * 10) / 10.0));
                } else {
                    out.line("rebuilt the memory index: %d events replayed, %d chunks, %.1f s", events, chunks, s);
                }
            }
        }
    }

    @Command(name = "prune", description = "Apply retention: delete artifacts past their kind's age unless pinned, linked, cited or recently used.")
    static final class Prune implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--dry-run", description = "Only list what would go and why (and what stays and why).")
        boolean dryRun;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                Retention r = solo.memory().retention();
                var plan = r.plan();
                int pruned = dryRun ? 0 : r.prune(plan);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    ArrayNode a = Json.mapper().createArrayNode();
                    plan.forEach(d -> a.add(Json.object().put("artifact", d.artifactId()).put("kind", d.kind()).put("title", d.title())
                            .put("created_at", d.createdAt().toString()).put("prune", d.prune()).put("reason", d.reason())));
                    out.json(Json.object().put("dry_run", dryRun).put("pruned", pruned).set("artifacts", a));
                    return;
                }
                for (var d : plan) {
                    out.line("%s %s %s (%s): %s", d.prune() ? (dryRun ? "would prune" : "pruned") : "keep", d.kind(), d.artifactId(),
                            Printer.time(d.createdAt()), d.reason());
                }
                long going = plan.stream().filter(Retention.Decision::prune).count();
                out.line(dryRun ? "%d would go, %d stay" : "%d pruned, %d kept", going, plan.size() - going);
            }
        }
    }

    @Command(name = "summarize", description = "Refresh an entity's summary now (or one phase's, with --phase).")
    static final class Summarize implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ENTITY")
        String entity;

        @Option(names = "--phase", description = "Summarize this phase of a project instead of the whole entity.")
        String phase;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                solo.store().get(entity);
                var s = solo.memory().summaries();
                var written = phase == null ? s.refresh(entity, "asked by the operator")
                        : s.refreshPhase(entity, phase, "asked by the operator");
                if (written.isEmpty()) {
                    throw new SoloException(entity + " has no phase '" + phase + "' in its history");
                }
                Printer out = new Printer(spec, common);
                var a = written.get();
                if (out.json()) {
                    out.json(Json.object().put("artifact", a.id()).put("text", a.text()).set("metadata", a.metadata()));
                } else {
                    out.line("%s (%s)\n%s", a.title(), a.id(), a.text());
                }
            }
        }
    }
}

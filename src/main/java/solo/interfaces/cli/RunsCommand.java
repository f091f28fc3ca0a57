package solo.interfaces.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.AgentStepViews;
import solo.interfaces.json.RunDetails;
import solo.interfaces.json.RunViews;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.state.Event;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo runs list|show|cancel|retry|fork}. */
@Command(name = "runs", description = "See and steer runs: list, show a timeline, cancel, retry, fork, roll back.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Cancel.class, RunsCommand.Retry.class,
            RunsCommand.Fork.class, RunsCommand.Rollback.class})
final class RunsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --input} text, or the contents of {@code @file}: a JSON object. */
    static JsonNode input(String text) {
        return json(text, "--input");
    }

    /** An option's JSON object, given as text or as {@code @file}. */
    static JsonNode json(String text, String option) {
        JsonNode node;
        if (text.startsWith("@")) {
            Path file = Path.of(text.substring(1));
            try {
                node = Json.parse(Files.readString(file), file.toString());
            } catch (IOException e) {
                throw new SoloException(file + ": cannot read: " + e.getMessage());
            }
        } else {
            node = Json.parse(text, option);
        }
        if (!node.isObject()) {
            throw new SoloException(option + " must be a JSON object, like '{\"lead_id\": \"lead_...\"}'");
        }
        return node;
    }

    static void printOutcome(Printer out, Run run, List<StepRecord> steps) {
        if (out.json()) {
            out.json(RunViews.timeline(run, steps));
            return;
        }
        StringBuilder line = new StringBuilder("run " + run.id() + " (" + run.flow() + " v" + run.flowVersion() + ") "
                + run.status().text());
        switch (run.status()) {
            case COMPLETED -> line.append(": ").append(Json.write(run.output()));
            case FAILED, CANCELLED, ROLLED_BACK -> line.append(": ").append(run.error());
            case WAITING -> steps.stream().filter(s -> s.waitingFor() != null && !"actions".equals(s.waitingFor())
                            || s.status().text().equals("unknown"))
                    .findFirst().ifPresent(s -> line.append(" at step ").append(s.stepId()).append(" for ")
                            .append(s.waitingFor() == null ? "the operator (outcome unknown)" : s.waitingFor())
                            .append(s.wakeAt() != null ? " until " + s.wakeAt() : ""));
            default -> { }
        }
        out.line(line.toString());
    }

    @Command(name = "list", description = "Runs, newest first.")
    static final class ListRuns implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--flow", description = "Only runs of this flow.")
        String flow;

        @Option(names = "--status", description = "Only runs in this status: queued, running, waiting, completed, failed, cancelled, rolled_back.")
        String status;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public void run() {
            RunStatus wanted = null;
            if (status != null) {
                try {
                    wanted = RunStatus.of(status);
                } catch (IllegalArgumentException e) {
                    throw new SoloException("--status " + status + ": not a run status (queued, running, waiting, completed, failed,"
                            + " cancelled, rolled_back)");
                }
            }
            try (Solo solo = common.open()) {
                List<Run> runs = solo.orchestrator().runs().list(flow, wanted, limit);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(RunViews.runs(runs));
                    return;
                }
                for (Run r : runs) {
                    out.line("%-26s %-24s v%-3d %-10s %s%s", r.id(), r.flow(), r.flowVersion(), r.status().text(),
                            Printer.time(r.createdAt()), r.error() == null ? "" : "  " + r.error());
                }
                out.line("%d run%s", runs.size(), runs.size() == 1 ? "" : "s");
            }
        }
    }

    @Command(name = "show", description = "A run and its step timeline: status, attempts, durations, inputs, outputs, errors.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN")
        String id;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                RunDetails details = RunDetails.of(solo);
                RunDetails.Detail d = details.of(solo.orchestrator().runs().get(id));
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(details.json(d));
                    return;
                }
                Run r = d.run();
                out.line("run %s  flow %s v%d  %s", r.id(), r.flow(), r.flowVersion(), r.status().text());
                out.line("  started %s%s", Printer.time(r.createdAt()),
                        r.finishedAt() == null ? "" : ", finished " + Printer.time(r.finishedAt()));
                out.line("  trigger %s", Json.write(r.trigger()));
                out.line("  input   %s", Json.write(r.input()));
                if (r.forkedFrom() != null) {
                    out.line("  forked from %s", r.forkedFrom());
                }
                if (r.error() != null) {
                    out.line("  error   %s", r.error());
                }
                if (r.output() != null) {
                    out.line("  output  %s", Json.write(r.output()));
                }
                for (StepRecord s : d.steps()) {
                    printStep(out, s, d.agents().get(s.stepId()));
                }
                if (!d.decisions().isEmpty()) {
                    out.line("  decisions");
                    for (Event e : d.decisions()) {
                        out.line("    %s  %-22s by %-10s %s", Printer.time(e.at()), e.kind(), e.actor().text(),
                                e.reason() == null ? "" : e.reason());
                    }
                }
            }
        }

        private static void printStep(Printer out, StepRecord s, ObjectNode agent) {
            Long ms = RunViews.durationMs(s);
            out.line("  %-20s %-7s %-9s attempt%s %d%s", s.stepId(), s.kind(), s.status().text(),
                    s.attempts() == 1 ? "" : "s", s.attempts(), ms == null ? "" : "  " + ms + " ms");
            if (s.input() != null) {
                out.line("      input   %s", Json.write(s.input()));
            }
            if (s.output() != null) {
                out.line("      output  %s", Json.write(s.output()));
            }
            if (s.error() != null) {
                out.line("      error   %s", s.error());
            }
            ObjectNode decision = AgentStepViews.decision(s);
            if (agent != null) {
                printAgent(out, agent);
            } else if (decision != null) {
                out.line("      policy  %s: %s", decision.path("decision").asString(), decision.path("explanation").asString());
            } else if (s.detail() != null) {
                out.line("      detail  %s", Json.write(s.detail()));
            }
        }

        private static void printAgent(Printer out, ObjectNode a) {
            out.line("      agent   %s  model %s  confidence %s", a.path("agent").asString(),
                    a.path("model").asString().isEmpty() ? "-" : a.path("model").asString(),
                    a.path("confidence").isNull() ? "-" : a.path("confidence").asString());
            out.line("      usage   %d call%s  tokens %d in / %d out  cost %s %s  cache hit %s", a.path("calls").asInt(),
                    a.path("calls").asInt() == 1 ? "" : "s", a.path("input_tokens").asLong(), a.path("output_tokens").asLong(),
                    a.path("cost").asString(), a.path("currency").asString(), a.path("cache_hits").asInt() == 0 ? "no"
                    : a.path("cache_hit").asBoolean() ? "yes" : a.path("cache_hits").asInt() + " of " + a.path("calls").asInt());
            if (a.has("failure")) {
                out.line("      failure %s", a.path("failure").path("explanation").asString());
            }
            for (JsonNode d : a.path("policy_decisions")) {
                out.line("      policy  %s %s: %s", d.path("step").asString(), d.path("decision").asString(),
                        d.path("explanation").asString());
            }
        }
    }

    @Command(name = "cancel", description = "Cancel a run that has not finished.")
    static final class Cancel implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN")
        String id;

        @Option(names = "--reason")
        String reason;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                Run r = solo.orchestrator().runs().cancel(id, reason);
                printOutcome(new Printer(spec, common), r, solo.orchestrator().runs().steps(id));
            }
        }
    }

    @Command(name = "retry", description = "Run a failed run again from its failure; finished steps keep their outputs.")
    static final class Retry implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN")
        String id;

        @Option(names = "--detach", description = "Only queue it; a running `solo up` drives it.")
        boolean detach;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                var o = solo.orchestrator();
                Run r = o.runs().retry(id);
                if (!detach) {
                    r = o.worker().driveToRest(id, Duration.ofSeconds(10));
                }
                printOutcome(new Printer(spec, common), r, o.runs().steps(id));
            }
        }
    }

    @Command(name = "fork", description = "A new run of the same flow version that keeps the steps before --from and runs the rest.")
    static final class Fork implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN")
        String id;

        @Option(names = "--from", required = true, paramLabel = "STEP", description = "The first step to run again.")
        String from;

        @Option(names = "--input", paramLabel = "JSON", description = "A new input for the run (default: the original's).")
        String input;

        @Option(names = "--detach", description = "Only queue it; a running `solo up` drives it.")
        boolean detach;

        @Override
        public void run() {
            JsonNode in = input == null ? null : input(input);
            try (Solo solo = common.open()) {
                var o = solo.orchestrator();
                Run r = o.runs().fork(id, from, in);
                if (!detach) {
                    r = o.worker().driveToRest(r.id(), Duration.ofSeconds(10));
                }
                printOutcome(new Printer(spec, common), r, o.runs().steps(r.id()));
            }
        }
    }

    @Command(name = "rollback", description = "Revert every state write a finished run made, by new events, and mark it"
            + " rolled back; refused when a later write depends on one of them.")
    static final class Rollback implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN")
        String id;

        @Option(names = "--reason", description = "Why, for the history of every entity it touches.")
        String reason;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                var runs = solo.orchestrator().runs();
                int writes = solo.store().eventsOfRun(id).size();
                Run r = runs.rollback(id, reason, Actor.OPERATOR, null);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(RunViews.timeline(r, runs.steps(id)).put("reverted_writes", writes));
                    return;
                }
                out.line("run %s rolled back: %d state write%s reverted by new events", r.id(), writes, writes == 1 ? "" : "s");
            }
        }
    }
}

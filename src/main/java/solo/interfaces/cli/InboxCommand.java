package solo.interfaces.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.InboxViews;
import solo.orchestration.flow.Durations;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxEntry;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.inbox.PlaybookAction;
import solo.orchestration.runtime.Run;
import solo.state.Actor;
import solo.state.Event;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;

/**
 * {@code solo inbox [list|show|approve|edit|reject|answer|snooze|do]}: the operator's one queue of gates,
 * escalations, tasks, failed runs and unknown outcomes, most urgent first, and the decisions on them.
 */
@Command(name = "inbox", description = "Everything waiting for you, most urgent first: list, show, approve, edit, reject,"
        + " answer, snooze, do (a playbook's action).",
        subcommands = {InboxCommand.ListItems.class, InboxCommand.Show.class, InboxCommand.Approve.class,
            InboxCommand.Edit.class, InboxCommand.Reject.class, InboxCommand.Answer.class, InboxCommand.Snooze.class,
            InboxCommand.Do.class})
final class InboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        ListItems list = new ListItems();
        list.spec = spec;
        list.common = common;
        list.run();
    }

    static void printPage(Printer out, Inbox.Page page, int offset) {
        if (out.json()) {
            out.json(InboxViews.page(page, offset));
            return;
        }
        for (InboxItem i : page.items()) {
            out.line("%-19s %-8s %-20s %s%s%s", i.id(), i.kind(), clip(i.flow(), 20), i.title(),
                    i.impacts().isEmpty() ? "" : "  [" + String.join(", ", i.impacts()) + "]",
                    i.dueAt() == null ? "" : "  due " + Printer.time(i.dueAt()) + " (then " + i.defaultDecision() + ")");
        }
        String shown = page.items().isEmpty() ? "" : "; showing " + (offset + 1) + "-" + (offset + page.items().size());
        out.line("%d waiting%s%s", page.open() - page.snoozed(), page.snoozed() > 0 ? " (" + page.snoozed() + " snoozed)" : "", shown);
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Drives the run on here after a decision (as {@code solo flow run} does), unless asked not to. */
    static void after(Solo solo, Printer out, Run r, boolean detach) {
        var o = solo.orchestrator();
        if (!detach && !r.status().finished()) {
            r = o.worker().driveToRest(r.id(), Duration.ofSeconds(10));
        }
        RunsCommand.printOutcome(out, r, o.runs().steps(r.id()));
    }

    @Command(name = "list", description = "Items waiting for you: due soon first, then by business impact, then oldest.")
    static final class ListItems implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--limit", defaultValue = "20", description = "Items per page (1-1000, default 20).")
        int limit = 20;

        @Option(names = "--offset", defaultValue = "0", description = "Skip this many (the next page).")
        int offset;

        @Option(names = "--snoozed", description = "Only the snoozed items.")
        boolean snoozed;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                Inbox inbox = solo.orchestrator().inbox();
                printPage(new Printer(spec, common), inbox.list(offset, limit, snoozed), offset);
            }
        }
    }

    @Command(name = "show", description = "An item with what you need to decide it: the proposal, the context, why it is"
            + " here, its run, and the commands that decide it.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "ITEM")
        String id;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                InboxEntry e = solo.orchestrator().inbox().show(id);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(InboxViews.entry(e));
                    return;
                }
                InboxItem i = e.item();
                out.line("%s  %s  %s", i.id(), i.kind(), i.title());
                out.line("  run       %s (%s v%d) %s%s", e.run().id(), e.run().flow(), e.run().flowVersion(),
                        e.run().status().text(), i.stepId().isEmpty() ? "" : ", step " + i.stepId());
                out.line("  waiting   since %s%s%s", Printer.time(i.openedAt()), i.dueAt() == null ? ""
                        : ", due " + Printer.time(i.dueAt()) + " (then " + i.defaultDecision() + " by default)",
                        i.snoozedUntil() == null ? "" : ", snoozed until " + Printer.time(i.snoozedUntil()));
                if (!i.impacts().isEmpty()) {
                    out.line("  impact    %s", String.join(", ", i.impacts()));
                }
                if (!i.open()) {
                    out.line("  decided   %s by %s at %s", i.decision(), i.decidedBy(), Printer.time(i.closedAt()));
                }
                out.line("\n## Why it is here");
                e.why().properties().forEach(p -> out.line("  %-10s %s", p.getKey(), p.getValue().isString()
                        ? p.getValue().asString() : Json.write(p.getValue())));
                if (e.proposal() != null) {
                    out.line("\n## What it proposes");
                    e.proposal().properties().forEach(p -> {
                        if (!p.getKey().equals("context_pack") && !p.getValue().isNull()) {
                            out.line("  %-10s %s", p.getKey(), p.getValue().isString() ? p.getValue().asString()
                                    : Json.write(p.getValue()));
                        }
                    });
                    JsonNode pack = e.proposal().get("context_pack");
                    if (pack != null && pack.isString() && !pack.asString().isBlank()) {
                        out.line("\n## Context pack\n%s", pack.asString().strip());
                    }
                }
                if (e.failure() != null) {
                    out.line("\n## Failure: %s%s", e.failure().kind().text(), e.failure().error() == null ? ""
                            : " (" + e.failure().error() + (e.failure().reason() == null ? "" : ", " + e.failure().reason()) + ")");
                }
                if (!e.decisions().isEmpty() || !e.actions().isEmpty()) {
                    out.line("\n## Decide");
                    for (String d : e.decisions()) {
                        out.line("  %s", InboxViews.command(i, d));
                    }
                    if (e.playbook() != null && !e.actions().isEmpty()) {
                        out.line("  playbook %s%s%s:", e.playbook().name(), e.playbook().automatic() ? " (automatic)" : "",
                                e.playbook().description().isBlank() ? "" : " — " + e.playbook().description());
                        for (PlaybookAction a : e.actions()) {
                            out.line("  %-60s %s", InboxViews.command(i, a), InboxViews.about(a));
                        }
                    }
                }
                if (!e.history().isEmpty()) {
                    out.line("\n## History");
                    for (Event ev : e.history()) {
                        out.line("  %s  %-22s by %-10s %s", Printer.time(ev.at()), ev.kind(), ev.actor().text(),
                                ev.reason() == null ? "" : ev.reason());
                    }
                }
            }
        }
    }

    abstract static class Decision implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ITEM")
        String id;

        @Option(names = "--detach", description = "Only record the decision; a running `solo up` drives the run on.")
        boolean detach;

        abstract Run decide(Inbox inbox);

        @Override
        public void run() {
            check();
            try (Solo solo = common.open()) {
                Run r = decide(solo.orchestrator().inbox());
                after(solo, new Printer(spec, common), r, detach);
            }
        }

        void check() {}
    }

    @Command(name = "approve", description = "Let it go ahead: a gate passes, an action runs, a budget is passed once,"
            + " an unknown outcome counts as done.")
    static final class Approve extends Decision {
        @Option(names = "--reason", description = "Why, for the run's history.")
        String reason;

        @Override
        Run decide(Inbox inbox) {
            return inbox.approve(id, reason, Actor.OPERATOR);
        }
    }

    @Command(name = "edit", description = "Change the action's (or the gate's) input, then approve; the edit is checked first.")
    static final class Edit extends Decision {
        @Option(names = "--input", required = true, paramLabel = "JSON", description = "The fields to change, as a JSON object, or @FILE.")
        String input;

        @Option(names = "--reason", description = "Why, for the run's history.")
        String reason;

        private JsonNode edits;

        @Override
        void check() {
            edits = RunsCommand.json(input, "--input");
        }

        @Override
        Run decide(Inbox inbox) {
            return inbox.edit(id, edits, reason, Actor.OPERATOR);
        }
    }

    @Command(name = "reject", description = "Refuse, with a reason: a gate, an approval or a task fails its run; an unknown"
            + " outcome is tried again.")
    static final class Reject extends Decision {
        @Option(names = "--reason", required = true, description = "Why, for the run's history.")
        String reason;

        @Override
        Run decide(Inbox inbox) {
            return inbox.reject(id, reason, Actor.OPERATOR);
        }
    }

    @Command(name = "answer", description = "Answer a task in the agent's place; checked against its output contract.")
    static final class Answer extends Decision {
        @Option(names = "--answer", required = true, paramLabel = "JSON", description = "The answer as a JSON object, or @FILE.")
        String answer;

        @Option(names = "--reason", description = "Why, for the run's history.")
        String reason;

        private JsonNode value;

        @Override
        void check() {
            value = RunsCommand.json(answer, "--answer");
        }

        @Override
        Run decide(Inbox inbox) {
            return inbox.answer(id, value, reason, Actor.OPERATOR);
        }
    }

    @Command(name = "snooze", description = "Hide an item until a time (its deadline still holds).")
    static final class Snooze implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "ITEM")
        String id;

        @Option(names = "--until", required = true, paramLabel = "WHEN", description = "A duration from now (2h, 1d) or a time"
                + " (2030-01-31T09:00:00Z).")
        String until;

        @Option(names = "--reason", description = "Why, for the run's history.")
        String reason;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                Instant when = when(until, solo.orchestrator().clockNow());
                InboxItem i = solo.orchestrator().inbox().snooze(id, when, reason, Actor.OPERATOR);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(InboxViews.item(i));
                } else {
                    out.line("%s snoozed until %s", i.id(), Printer.time(i.snoozedUntil()));
                }
            }
        }

        static Instant when(String text, Instant now) {
            try {
                return now.plus(Durations.parse(text));
            } catch (IllegalArgumentException notDuration) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new SoloException("--until " + text + ": a duration (2h, 1d) or a time (2030-01-31T09:00:00Z)");
                }
            }
        }
    }

    @Command(name = "do", description = "Take one of the matching playbook's actions: retry, retry_on_tier, fork,"
            + " compensate, cancel, notify (see: solo inbox show ITEM).")
    static final class Do extends Decision {
        @Parameters(index = "1", paramLabel = "ACTION")
        String action;

        @Option(names = "--input", paramLabel = "JSON", description = "fork: the fields of the run's input to change (JSON object, or @FILE).")
        String input;

        @Option(names = "--from", paramLabel = "STEP", description = "fork: the step to start from (default: the playbook's, or the failed one).")
        String from;

        @Option(names = "--reason", description = "Why, for the run's history.")
        String reason;

        private JsonNode edits;

        @Override
        void check() {
            edits = input == null ? null : RunsCommand.json(input, "--input");
        }

        @Override
        Run decide(Inbox inbox) {
            return inbox.act(id, action, edits, from, reason, Actor.OPERATOR);
        }
    }
}

package solo.interfaces.cli;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.RunViews;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.support.Json;

/**
 * {@code solo gate list|approve|reject}: the steps that wait for the operator, by run and step — an older way into
 * the inbox, kept for scripts; decisions go through the inbox and are recorded the same way.
 */
@Command(name = "gate", description = "Steps waiting for you, by run and step (see solo inbox): list, approve, reject.",
        subcommands = {GateCommand.ListGates.class, GateCommand.Approve.class, GateCommand.Reject.class})
final class GateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Steps waiting for the operator, oldest first.")
    static final class ListGates implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                List<StepRecord> waiting = solo.orchestrator().runs().waitingForOperator(200);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    var a = Json.mapper().createArrayNode();
                    waiting.forEach(s -> a.add(RunViews.step(s)));
                    out.json(a);
                    return;
                }
                for (StepRecord s : waiting) {
                    out.line("%s %s  %s  %s", s.runId(), s.stepId(), s.waitingFor() == null ? "outcome" : s.waitingFor(),
                            summary(s));
                }
                out.line("%d waiting", waiting.size());
            }
        }
    }

    /** One line about what a step waits for: a gate's prompt, else the reason it gives, else its detail. */
    static String summary(StepRecord s) {
        var d = s.detail();
        if (d == null) {
            return "";
        }
        if ("gate".equals(s.waitingFor()) && d.path("prompt").isString()) {
            return d.get("prompt").asString();
        }
        return d.path("reason").isString() ? d.get("reason").asString() : Json.write(d);
    }

    abstract static class Answer implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "RUN")
        String run;

        @Parameters(index = "1", paramLabel = "STEP")
        String step;

        @Option(names = "--reason", description = "Why, for the run's history.")
        String reason;

        @Option(names = "--detach", description = "Only record the answer; a running `solo up` drives the run on.")
        boolean detach;

        abstract boolean approve();

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                var o = solo.orchestrator();
                Run r = o.inbox().decideStep(run, step, approve(), reason, Actor.OPERATOR);
                if (!detach && !r.status().finished()) {
                    r = o.worker().driveToRest(run, Duration.ofSeconds(10));
                }
                RunsCommand.printOutcome(new Printer(spec, common), r, o.runs().steps(run));
            }
        }
    }

    @Command(name = "approve", description = "Let the run go on past this step.")
    static final class Approve extends Answer {
        @Override
        boolean approve() {
            return true;
        }
    }

    @Command(name = "reject", description = "Refuse: a gate or approval fails its run; an unknown outcome is tried again.")
    static final class Reject extends Answer {
        @Override
        boolean approve() {
            return false;
        }
    }
}

package solo.interfaces.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.RunViews;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.FlowException;
import solo.orchestration.flow.TriggerDefinition;
import solo.orchestration.runtime.Run;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo flow validate|list|run}. */
@Command(name = "flow", description = "Check, list and start flows (flows/*.yaml).",
        subcommands = {FlowCommand.Validate.class, FlowCommand.ListFlows.class, FlowCommand.RunFlow.class})
final class FlowCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", description = "Check flow files; each problem is printed with file:line:column.")
    static final class Validate implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these flows (default: all).")
        List<String> names = List.of();

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                var flows = solo.orchestrator().flows();
                List<String> chosen = names.isEmpty() ? flows.names() : names;
                List<String> problems = new ArrayList<>();
                for (String name : chosen) {
                    try {
                        flows.current(name);
                    } catch (FlowException e) {
                        problems.addAll(e.problems());
                    }
                }
                if (!problems.isEmpty()) {
                    // every problem is a complete one-line error; the last line says how many there were
                    problems.subList(0, problems.size() - 1).forEach(p -> spec.commandLine().getErr().println("solo: " + p));
                    throw new SoloException(problems.getLast());
                }
                new Printer(spec, common).line("%d flow%s valid", chosen.size(), chosen.size() == 1 ? "" : "s");
            }
        }
    }

    @Command(name = "list", description = "List the flows with their triggers and steps.")
    static final class ListFlows implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                var flows = solo.orchestrator().flows();
                Printer out = new Printer(spec, common);
                ArrayNode all = Json.mapper().createArrayNode();
                for (String name : flows.names()) {
                    ObjectNode row = all.addObject().put("name", name);
                    try {
                        FlowDefinition def = flows.current(name);
                        row.put("valid", true).put("description", def.description()).put("steps", def.steps().size())
                                .put("triggers", triggers(def)).put("versions", flows.history(name).size());
                    } catch (SoloException e) {
                        row.put("valid", false).put("problem", e.getMessage());
                    }
                }
                if (out.json()) {
                    out.json(all);
                    return;
                }
                for (var row : all) {
                    out.line(row.path("valid").asBoolean()
                            ? String.format("%-28s %2d steps  %-30s %s", row.get("name").asString(), row.get("steps").asInt(),
                                    row.get("triggers").asString(), row.get("description").asString())
                            : String.format("%-28s INVALID  %s", row.get("name").asString(), row.get("problem").asString()));
                }
                out.line("%d flows", all.size());
            }
        }

        private static String triggers(FlowDefinition def) {
            List<String> t = new ArrayList<>(List.of("manual"));
            for (TriggerDefinition d : def.triggers()) {
                t.add(switch (d) {
                    case TriggerDefinition.Cron c -> "cron " + c.expression();
                    case TriggerDefinition.EntityEvent e -> e.type() + " " + String.join("/", e.on());
                    case TriggerDefinition.Webhook w -> "webhook " + w.hook();
                    case TriggerDefinition.EmailReceived m -> "email.received";
                });
            }
            return String.join(", ", t);
        }
    }

    @Command(name = "run", description = "Start a run and drive it here until it finishes or waits (for a gate, a long wait).")
    static final class RunFlow implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--input", paramLabel = "JSON", description = "The run's input as a JSON object, or @FILE.")
        String input;

        @Option(names = "--detach", description = "Only queue the run; a running `solo up` drives it.")
        boolean detach;

        @Override
        public void run() {
            var in = input == null ? Json.object() : RunsCommand.input(input);
            if (!in.isObject()) {
                throw new SoloException("--input must be a JSON object");
            }
            try (Solo solo = common.open()) {
                var o = solo.orchestrator();
                Run run = detach ? o.runs().start(name, in, null) : o.runs().startLeased(name, in, null);
                if (!detach) {
                    run = o.worker().driveToRest(run.id(), Duration.ofSeconds(10));
                }
                RunsCommand.printOutcome(new Printer(spec, common), run, o.runs().steps(run.id()));
            }
        }
    }
}

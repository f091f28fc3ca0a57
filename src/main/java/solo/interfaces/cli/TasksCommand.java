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
import solo.execution.flow.TaskView;
import solo.orchestration.runtime.Run;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo tasks list|show|answer}: agent steps you answer in a model's place (their tier has no model), by run
 * and step — the inbox's tasks, kept for scripts; answers go through the inbox and are recorded the same way.
 */
@Command(name = "tasks", description = "Agent steps waiting for your answer (no model serves their tier): list, show, answer.",
        subcommands = {TasksCommand.ListTasks.class, TasksCommand.Show.class, TasksCommand.Answer.class})
final class TasksCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ObjectNode view(TaskView t) {
        ObjectNode o = Json.object().put("run_id", t.runId()).put("step_id", t.stepId()).put("agent", t.agent())
                .put("tier", t.tier()).put("about", t.about()).put("since", t.since() == null ? null : t.since().toString())
                .put("prompt", t.prompt()).put("context_pack", t.contextPack());
        o.set("input", t.input());
        o.set("form", t.form());
        o.set("output_contract", t.outputContract());
        return o;
    }

    @Command(name = "list", description = "Open tasks, oldest first.")
    static final class ListTasks implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                List<TaskView> tasks = solo.tasks().list(200);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    var a = Json.mapper().createArrayNode();
                    tasks.forEach(t -> a.add(view(t)));
                    out.json(a);
                    return;
                }
                for (TaskView t : tasks) {
                    out.line("%s %s  %s%s  since %s", t.runId(), t.stepId(), t.agent(), t.about() == null ? "" : " about "
                            + t.about(), t.since() == null ? "?" : Printer.time(t.since()));
                }
                out.line("%d task%s", tasks.size(), tasks.size() == 1 ? "" : "s");
            }
        }
    }

    @Command(name = "show", description = "A task: the prompt, the context pack and the form to fill in.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "RUN")
        String run;

        @Parameters(index = "1", paramLabel = "STEP")
        String step;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                TaskView t = solo.tasks().get(run, step);
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(view(t));
                    return;
                }
                out.line("task %s %s: agent %s (%s tier)%s", t.runId(), t.stepId(), t.agent(), t.tier(),
                        t.about() == null ? "" : ", about " + t.about());
                out.line("\n## Prompt\n%s", t.prompt().strip());
                out.line("\n## Form (answer with: solo tasks answer %s %s --answer '{...}')", t.runId(), t.stepId());
                for (JsonNode f : t.form().path("fields")) {
                    out.line("  %-16s %-8s %s%s%s", f.path("name").asString(), f.path("type").asString()
                            + (f.has("item_type") ? "[" + f.path("item_type").asString() + "]" : ""),
                            f.path("required").asBoolean() ? "required" : "optional",
                            f.has("options") ? "  one of " + f.get("options") : "",
                            f.path("description").asString("").isBlank() ? "" : "  " + f.path("description").asString());
                }
            }
        }
    }

    @Command(name = "answer", description = "Answer a task; the answer is checked against the agent's output contract.")
    static final class Answer implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "RUN")
        String run;

        @Parameters(index = "1", paramLabel = "STEP")
        String step;

        @Option(names = "--answer", required = true, paramLabel = "JSON", description = "The answer as a JSON object, or @FILE.")
        String answer;

        @Option(names = "--detach", description = "Only record the answer; a running `solo up` drives the run on.")
        boolean detach;

        @Override
        public void run() {
            JsonNode value = RunsCommand.json(answer, "--answer");
            try (Solo solo = common.open()) {
                var o = solo.orchestrator();
                solo.tasks().get(run, step); // names what is wrong when the step is not a task waiting
                Run r = o.inbox().answerStep(run, step, value, Actor.OPERATOR);
                if (!detach && !r.status().finished()) {
                    r = o.worker().driveToRest(run, Duration.ofSeconds(10));
                }
                RunsCommand.printOutcome(new Printer(spec, common), r, o.runs().steps(run));
            }
        }
    }
}

package solo.execution.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import solo.execution.Execution;
import solo.execution.RunRef;
import solo.execution.agent.AgentCall;
import solo.execution.agent.AgentDefinition;
import solo.execution.agent.AgentOutcome;
import solo.execution.agent.OperatorAnswer;
import solo.execution.context.ContextPack;
import solo.execution.context.ContextPacks;
import solo.execution.model.Tier;
import solo.orchestration.expr.Template;
import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.kinds.AgentFunctions;
import solo.orchestration.kinds.AgentStep;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import tools.jackson.databind.JsonNode;

/**
 * {@code agent: NAME} with {@code input:} and {@code about: ENTITY} (optional): runs the company's agent
 * {@code agents/NAME.yaml} through {@link solo.execution.agent.AgentInvoker}, with a context pack about
 * the entity. The outcome becomes the step's: completed (output, confidence and usage recorded, proposed
 * actions handed to the runtime as follow-ups), failed (retried by the step's policy when trying again may
 * help), paused for a budget, or a task for the operator. A name that is not an agent but a Java function
 * registered by name ({@code echo}, {@code noop}, tests' own) runs that function.
 */
public final class AgentStepKind implements StepKind {
    private final Supplier<Execution> execution;
    private final ContextPacks packs;
    private final Path agentsDir;
    private final AgentFunctions functions;
    private final AgentStep functionKind;
    private final int concurrency;
    private final Map<String, Boolean> defined = new ConcurrentHashMap<>();

    public AgentStepKind(Supplier<Execution> execution, ContextPacks packs, Path agentsDir, AgentFunctions functions,
            int concurrency) {
        this.execution = execution;
        this.packs = packs;
        this.agentsDir = agentsDir;
        this.functions = functions;
        this.functionKind = new AgentStep(functions, concurrency);
        this.concurrency = concurrency;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public Set<String> options() {
        return Set.of("about");
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    /**
     * Whether {@code agents/NAME.yaml} exists: checked without compiling the agents (flows load fast), once per
     * name, like the agents themselves, which a process reads once.
     */
    private boolean defined(String name) {
        return name != null && defined.computeIfAbsent(name, n -> n.matches("[A-Za-z0-9_-]+")
                && (Files.isRegularFile(agentsDir.resolve(n + ".yaml")) || Files.isRegularFile(agentsDir.resolve(n + ".yml"))));
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        String name = step.specText();
        if (defined(name)) {
            AgentDefinition agent = execution.get().agents().get(name);
            List<String> missing = new ArrayList<>();
            if (agent.input() != null && (step.input().isEmpty() || !step.input().keys().isEmpty())) {
                agent.input().schema().path("required").forEach(r -> {
                    if (!step.input().keys().contains(r.asString())) {
                        missing.add(r.asString());
                    }
                });
            }
            if (!missing.isEmpty()) {
                check.error(step.pointer() + (step.input().isEmpty() ? "" : "/input"), "step '" + step.id() + "': agent "
                        + name + " needs input " + String.join(", ", missing) + " (its input contract in agents/" + name + ".yaml)");
            }
        } else if (name != null && functions.find(name).isPresent()) {
            functionKind.check(step, check);
        } else {
            check.error(step.pointer() + "/agent", "step '" + step.id() + "': unknown agent '" + (name == null ? step.spec()
                    : name) + "' (agents/ defines " + known() + ")");
        }
    }

    private String known() {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(agentsDir)) {
            try (Stream<Path> files = Files.list(agentsDir)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.matches(".+\\.ya?ml"))
                        .forEach(f -> names.add(f.replaceFirst("\\.ya?ml$", "")));
            } catch (java.io.IOException e) {
                // the list is only for the message
            }
        }
        return (names.isEmpty() ? "none" : String.join(", ", names)) + "; functions: " + String.join(", ", functions.names());
    }

    @Override
    public StepOutcome execute(StepContext c) throws Exception {
        String name = c.definition().specText();
        if (!defined(name)) {
            return functionKind.execute(c);
        }
        Execution x = execution.get();
        AgentDefinition agent = x.agents().get(name);
        RunRef ref = new RunRef(c.runId(), c.flow(), c.stepId());
        JsonNode detail = c.detail();
        if (detail != null && "task".equals(detail.path("answered").asString(""))) {
            return answered(x, agent, ref, c, detail);
        }
        String about = about(c);
        ContextPack pack = about == null ? ContextPack.NONE : packs.build(about, task(agent, c), agent.contextTokens());
        boolean overBudget = detail != null && "budget".equals(detail.path("answered").asString(""))
                && detail.path("approved").asBoolean(false);
        AgentOutcome outcome = x.invoker().invoke(new AgentCall(name, c.input(), pack.text(), ref, about,
                pack.retrievalFoundLittle(), overBudget, tierOverride(detail)));
        return switch (outcome) {
            case AgentOutcome.Completed done -> {
                var recorded = AgentStepDetail.completed(done, about, pack);
                if (overBudget) {
                    recorded.set("over_budget_approved", detail.path("answer")); // who let it go past the budgets
                }
                yield StepOutcome.done(done.output(), recorded, Proposals.followUps(done));
            }
            case AgentOutcome.Failed failed -> throw AgentFailure.of(failed);
            case AgentOutcome.BudgetExceeded over -> StepOutcome.waitFor("budget", null, AgentStepDetail.overBudget(over));
            case AgentOutcome.OperatorTask task -> StepOutcome.waitFor("task", null, AgentStepDetail.task(task, about, pack));
        };
    }

    /** The operator answered the step's task (checked when given, and again now: the agent may have changed). */
    private StepOutcome answered(Execution x, AgentDefinition agent, RunRef ref, StepContext c, JsonNode detail) {
        var task = new AgentOutcome.OperatorTask(agent.name(), agent.tier(), ref, c.input(), null, null, null, null);
        return switch (x.invoker().answer(task, detail.path("provided").path("value"))) {
            case OperatorAnswer.Rejected bad -> throw new NonRetryableException("the operator's answer no longer satisfies "
                    + agent.name() + "'s output contract: " + String.join("; ", bad.violations().stream().map(Object::toString).toList()));
            case OperatorAnswer.Accepted ok -> StepOutcome.done(ok.outcome().output(), AgentStepDetail.answered(ok.outcome(),
                    detail), Proposals.followUps(ok.outcome()));
        };
    }

    /** The tier a playbook asked this attempt to run on ({@code tier} in the step's detail), or null for the agent's. */
    private static Tier tierOverride(JsonNode detail) {
        String text = detail == null ? null : detail.path("tier").asString(null);
        if (text == null) {
            return null;
        }
        Tier tier = Tier.parse(text);
        if (tier == null) {
            throw new NonRetryableException("no tier '" + text + "' (tiers: fast, standard, premium)");
        }
        return tier;
    }

    /** The entity the step is about ({@code about:}), or null. */
    private static String about(StepContext c) {
        Template t = c.definition().option("about");
        if (t == null) {
            return null;
        }
        JsonNode v = t.render(c.vars());
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            return null;
        }
        if (!v.isString()) {
            throw new NonRetryableException("step " + c.stepId() + ": about must give an entity id, not " + v);
        }
        return v.asString();
    }

    /** What the context pack is for: the step's own description, else the agent's. */
    private static String task(AgentDefinition agent, StepContext c) {
        String what = c.definition().description() != null ? c.definition().description() : agent.description();
        return agent.name() + (what == null || what.isBlank() ? "" : ": " + what.strip());
    }
}

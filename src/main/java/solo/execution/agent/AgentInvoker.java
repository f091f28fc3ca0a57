package solo.execution.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import solo.execution.model.ModelCallException;
import solo.execution.model.ModelClient;
import solo.execution.model.ModelRequest;
import solo.execution.model.ModelRouter;
import solo.execution.model.Tier;
import solo.execution.tool.ReadTools;
import solo.state.Violation;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an agent step: renders the prompt, calls the tier's model (or hands the task to the operator when no
 * model serves the tier), runs the reads the model asks for, checks the answer against the contract with
 * one repair, and returns an explained {@link AgentOutcome}. It never throws for bad answers, HTTP errors,
 * timeouts or budgets, and never carries out an action: proposed actions come back as data.
 */
public final class AgentInvoker {
    private final Agents agents;
    private final ModelRouter router;
    private final ModelCaller caller;
    private final ReadTools tools;
    private final PromptRenderer renderer = new PromptRenderer();

    AgentInvoker(Agents agents, ModelRouter router, ModelCaller caller, ReadTools tools) {
        this.agents = agents;
        this.router = router;
        this.caller = caller;
        this.tools = tools;
    }

    public static AgentInvoker create(Agents agents, ModelRouter router, solo.execution.cache.ResponseCache cache,
                                      solo.execution.ledger.Ledger ledger, solo.execution.budget.Budgets budgets,
                                      ReadTools tools) {
        return new AgentInvoker(agents, router, new ModelCaller(cache, ledger, budgets, ledger.clock()), tools);
    }

    public Agents agents() {
        return agents;
    }

    public AgentOutcome invoke(AgentCall call) {
        var found = agents.find(call.agent());
        if (found.isEmpty()) {
            return new AgentOutcome.Failed(call.agent(), FailureReason.UNKNOWN_AGENT, "unknown agent '" + call.agent() + "'", List.of());
        }
        AgentDefinition agent = found.get();
        if (agent.input() != null) {
            List<Violation> bad = agent.input().validate(call.input());
            if (!bad.isEmpty()) {
                return new AgentOutcome.Failed(agent.name(), FailureReason.INVALID_INPUT, "the step's input breaks "
                        + agent.name() + "'s input contract: " + join(bad), List.of());
            }
        }
        Prompt prompt = renderer.render(agent, call.input(), call.contextPack());
        Tier tier = call.tier() != null ? call.tier() : agent.tier();
        if (router.route(tier).isEmpty()) {
            return new AgentOutcome.OperatorTask(agent.name(), tier, call.run(), call.input(), prompt.text(),
                    call.contextPack(), OperatorForm.of(agent.output()), agent.output().schema());
        }
        ModelClient client;
        try {
            client = router.client(tier);
        } catch (ModelCallException e) {
            return new AgentOutcome.Failed(agent.name(), FailureReason.of(e.kind()), e.getMessage(), List.of());
        }
        return new Conversation(agent, call, client, prompt).run();
    }

    /** Checks the operator's answer to a task against the same contract; an accepted answer completes the step. */
    public OperatorAnswer answer(AgentOutcome.OperatorTask task, JsonNode answer) {
        AgentDefinition agent = agents.find(task.agent())
                .orElseThrow(() -> new SoloException("unknown agent '" + task.agent() + "' (the task outlived its agent)"));
        if (answer == null || !answer.isObject()) {
            return new OperatorAnswer.Rejected(List.of(new Violation("", "type", "the answer must be a JSON object", null)));
        }
        ObjectNode output = (ObjectNode) answer.deepCopy();
        if (agent.output().declares("confidence") && !output.has("confidence")) {
            output.put("confidence", 1.0);
        }
        return switch (AnswerCheck.check(agent, output, task.run())) {
            case AnswerCheck.Invalid bad -> new OperatorAnswer.Rejected(bad.violations());
            case AnswerCheck.Valid ok -> new OperatorAnswer.Accepted(new AgentOutcome.Completed(agent.name(), ok.output(),
                    ok.actions(), Confidence.operator(), List.of(), "operator"));
        };
    }

    /** One invocation's conversation with the model: its messages, its attempts, its spending. */
    private final class Conversation {
        private final AgentDefinition agent;
        private final AgentCall call;
        private final ModelClient client;
        private final List<ChatMessage> messages = new ArrayList<>();
        private final List<Attempt> attempts = new ArrayList<>();
        private final List<ToolSpecification> specs;
        private long spent;

        Conversation(AgentDefinition agent, AgentCall call, ModelClient client, Prompt prompt) {
            this.agent = agent;
            this.call = call;
            this.client = client;
            this.specs = tools.specifications(agent.tools());
            messages.add(SystemMessage.from(prompt.system()));
            messages.add(UserMessage.from(prompt.user()));
        }

        AgentOutcome run() {
            boolean repaired = false;
            int toolRounds = 0;
            String kind = "answer";
            while (true) {
                ModelRequest request = new ModelRequest(messages, specs, agent.budget().maxOutputTokens());
                ModelCaller.Result result = caller.call(client, request, agent, call.run(), spent, call.overBudgetApproved());
                if (result instanceof ModelCaller.OverBudget over) {
                    return new AgentOutcome.BudgetExceeded(agent.name(), over.budget(), attempts);
                }
                if (result instanceof ModelCaller.Broke broke) {
                    attempts.add(attempt(kind, null, List.of(), 0, 0, 0, false, broke.latencyMillis(), broke.error().getMessage()));
                    return new AgentOutcome.Failed(agent.name(), FailureReason.of(broke.error().kind()), broke.error().getMessage(), attempts);
                }
                var replied = (ModelCaller.Replied) result;
                var reply = replied.reply();
                spent += replied.costMicros();
                if (!reply.toolRequests().isEmpty()) {
                    attempts.add(attempt("tools", reply.text(), List.of(), reply.inputTokens(), reply.outputTokens(),
                            replied.costMicros(), reply.cacheHit(), reply.latencyMillis(), null));
                    if (++toolRounds > agent.budget().maxToolRounds()) {
                        return new AgentOutcome.Failed(agent.name(), FailureReason.TOOL_LOOP, "the model asked for tools "
                                + toolRounds + " times; " + agent.name() + " allows " + agent.budget().maxToolRounds(), attempts);
                    }
                    caller.remember(client, replied.key(), reply);
                    messages.add(reply.message());
                    for (ToolExecutionRequest r : reply.toolRequests()) {
                        messages.add(ToolExecutionResultMessage.from(r, tools.execute(r, agent.tools(), agent.memory(), call.subject())));
                    }
                    continue;
                }
                AnswerCheck.Checked checked = AnswerCheck.check(agent, reply.text(), call.run());
                List<Violation> violations = checked instanceof AnswerCheck.Invalid bad ? bad.violations() : List.of();
                attempts.add(attempt(kind, reply.text(), violations, reply.inputTokens(), reply.outputTokens(),
                        replied.costMicros(), reply.cacheHit(), reply.latencyMillis(), null));
                if (checked instanceof AnswerCheck.Valid ok) {
                    // only answers that satisfied the contract are worth repeating from the cache
                    caller.remember(client, replied.key(), reply);
                    return new AgentOutcome.Completed(agent.name(), ok.output(), ok.actions(),
                            Confidence.combine(ok.modelConfidence(), repaired, call.retrievalFoundLittle()), attempts,
                            client.provider() + "/" + client.model());
                }
                if (repaired) {
                    return new AgentOutcome.Failed(agent.name(), FailureReason.INVALID_OUTPUT, "the answer broke "
                            + agent.name() + "'s output contract twice; last: " + join(violations), attempts);
                }
                repaired = true;
                kind = "repair";
                messages.add(AiMessage.from(reply.text().isEmpty() ? "(empty answer)" : reply.text()));
                messages.add(UserMessage.from(AnswerCheck.repairRequest(violations)));
            }
        }

        private Attempt attempt(String kind, String answer, List<Violation> violations, long in, long out, long cost,
                                boolean hit, long latency, String error) {
            return new Attempt(attempts.size() + 1, kind, client.provider(), client.model(), answer, violations, in, out,
                    cost, hit, latency, error);
        }
    }

    private static String join(List<Violation> violations) {
        return String.join("; ", violations.stream().map(Violation::toString).toList());
    }
}

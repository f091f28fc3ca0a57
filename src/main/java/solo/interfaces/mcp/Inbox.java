package solo.interfaces.mcp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import solo.execution.flow.OperatorTasks;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.state.Actor;
import tools.jackson.databind.JsonNode;

/**
 * The operator's inbox as it stands today: the steps waiting for the operator ({@link RunControl#waitingForOperator})
 * and the tasks among them ({@link OperatorTasks}). The one place the MCP server and {@code /metrics} read it
 * through, so that the inbox's own queue (escalations, failures with playbooks) can replace it here alone.
 */
public final class Inbox {
    private static final int ALL = 10_000;

    /** What an item waits for: gate, approval, outcome, budget, task. */
    public record Item(String runId, String stepId, String flow, String kind, Instant since, StepRecord step) {}

    private final RunControl runs;
    private final OperatorTasks tasks;

    public Inbox(RunControl runs, OperatorTasks tasks) {
        this.runs = runs;
        this.tasks = tasks;
    }

    /** Items, oldest first. */
    public List<Item> items(int limit) {
        List<Item> out = new ArrayList<>();
        Map<String, String> flows = new LinkedHashMap<>();
        for (StepRecord s : runs.waitingForOperator(limit)) {
            String flow = flows.computeIfAbsent(s.runId(), id -> runs.find(id).map(Run::flow).orElse(null));
            out.add(new Item(s.runId(), s.stepId(), flow, kind(s), s.startedAt(), s));
        }
        return out;
    }

    public Optional<Item> find(String runId, String stepId) {
        return runs.find(runId).flatMap(run -> runs.steps(runId).stream()
                .filter(s -> s.stepId().equals(stepId) && isWaiting(s))
                .findFirst().map(s -> new Item(runId, stepId, run.flow(), kind(s), s.startedAt(), s)));
    }

    /** How many items wait, by kind (what {@code /metrics} shows as the inbox's size). */
    public Map<String, Long> sizeByKind() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (StepRecord s : runs.waitingForOperator(ALL)) {
            out.merge(kind(s), 1L, Long::sum);
        }
        return out;
    }

    /** Approves or rejects an item (a task can only be rejected this way; {@link #answer} answers it). */
    public Run decide(Item item, boolean approve, String reason, Actor by) {
        return runs.answer(item.runId(), item.stepId(), approve, reason, by);
    }

    /** Answers a task; the answer is checked against the agent's output contract first. */
    public Run answer(Item item, JsonNode answer, Actor by) {
        return tasks.answer(item.runId(), item.stepId(), answer, by);
    }

    private static boolean isWaiting(StepRecord s) {
        return s.status() == StepStatus.UNKNOWN || (s.status() == StepStatus.WAITING && s.waitingFor() != null
                && !List.of("timer", "child", "actions").contains(s.waitingFor()));
    }

    private static String kind(StepRecord s) {
        return s.status() == StepStatus.UNKNOWN ? "outcome" : s.waitingFor();
    }
}

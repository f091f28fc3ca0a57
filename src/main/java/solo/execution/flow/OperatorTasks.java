package solo.execution.flow;

import java.util.List;
import java.util.function.Supplier;
import solo.execution.Execution;
import solo.execution.RunRef;
import solo.execution.agent.AgentOutcome;
import solo.execution.agent.OperatorAnswer;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.state.Actor;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;

/**
 * The operator as a model provider: agent steps whose tier has no model wait as tasks
 * ({@code waiting_for: task}); the operator reads them and answers. An answer is checked against the
 * agent's output contract first: a bad one is refused naming its fields and nothing is written; a good
 * one is handed to the step, which completes with it (confidence 1.0) and the run goes on.
 */
public final class OperatorTasks {
    private final Supplier<Execution> execution;
    private final Supplier<RunControl> runs;

    public OperatorTasks(Supplier<Execution> execution, Supplier<RunControl> runs) {
        this.execution = execution;
        this.runs = runs;
    }

    /** Open tasks, oldest first. */
    public List<TaskView> list(int limit) {
        return runs.get().waitingForOperator(limit).stream().filter(s -> "task".equals(s.waitingFor()))
                .map(TaskView::of).toList();
    }

    public TaskView get(String runId, String stepId) {
        StepRecord s = runs.get().steps(runId).stream().filter(r -> r.stepId().equals(stepId)).findFirst()
                .orElseThrow(() -> new SoloException("run " + runId + " has no step '" + stepId + "' (see: solo tasks list)"));
        if (s.status() != StepStatus.WAITING || !"task".equals(s.waitingFor())) {
            throw new SoloException("step " + stepId + " of run " + runId + " is " + s.status().text()
                    + (s.waitingFor() == null ? "" : " for " + s.waitingFor()) + ", not a task waiting for an answer");
        }
        return TaskView.of(s);
    }

    /** What is wrong with an answer to the task, each as "field: problem" (empty: it satisfies the output contract). */
    public List<String> problems(StepRecord s, JsonNode answer) {
        TaskView t = TaskView.of(s);
        var task = new AgentOutcome.OperatorTask(t.agent(), null, new RunRef(s.runId(), null, s.stepId()), t.input(), null, null,
                null, null);
        if (execution.get().invoker().answer(task, answer) instanceof OperatorAnswer.Rejected bad) {
            return bad.violations().stream().map(v -> (v.field() == null || v.field().isEmpty() ? "(answer)" : v.field())
                    + ": " + v.message()).toList();
        }
        return List.of();
    }

    /** Checks the answer against the agent's output contract, then lets the step go on with it. */
    public Run answer(String runId, String stepId, JsonNode answer, Actor by) {
        TaskView t = get(runId, stepId);
        var task = new AgentOutcome.OperatorTask(t.agent(), null, new RunRef(runId, null, stepId), t.input(), null, null,
                null, null);
        if (execution.get().invoker().answer(task, answer) instanceof OperatorAnswer.Rejected bad) {
            throw new SoloException("the answer to " + runId + " " + stepId + " breaks " + t.agent() + "'s output contract"
                    + " (nothing was recorded): " + String.join("; ", bad.violations().stream().map(v -> (v.field() == null
                    || v.field().isEmpty() ? "(answer)" : v.field()) + ": " + v.message()).toList()));
        }
        return runs.get().provide(runId, stepId, "task", answer, by);
    }
}

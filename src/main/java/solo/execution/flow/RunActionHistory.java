package solo.execution.flow;

import java.time.Instant;
import java.util.List;
import solo.execution.Execution;
import solo.execution.policy.ActionHistory;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import tools.jackson.databind.JsonNode;

/**
 * The history policies count on, from the runtime's own records: the action steps it carried out, each
 * with the type and targets its policy check recorded. Today is the company's day (solo.yaml
 * {@code timezone}). One check reads today's actions once, however many types its rules ask about.
 */
public final class RunActionHistory implements ActionHistory {
    private static final int LIMIT = 100_000;
    private final RunControl runs;
    private final Instant startOfDay;
    private List<StepRecord> today;

    public RunActionHistory(RunControl runs, Execution x) {
        this.runs = runs;
        this.startOfDay = x.ledger().today().atStartOfDay(x.config().zone()).toInstant();
    }

    @Override
    public long countToday(String actionType) {
        if (today == null) {
            today = runs.actionsDone(startOfDay, null, LIMIT);
        }
        return today.stream().filter(s -> actionType.equals(type(s))).count();
    }

    @Override
    public long countDone(String actionType, String entityId) {
        return runs.actionsDone(null, entityId, LIMIT).stream()
                .filter(s -> actionType.equals(type(s)) && targets(s).contains(entityId)).count();
    }

    private static String type(StepRecord s) {
        return s.detail() == null ? null : s.detail().path("policy").path("type").asString(null);
    }

    private static List<String> targets(StepRecord s) {
        JsonNode t = s.detail() == null ? null : s.detail().path("policy").get("targets");
        return ActionTypes.texts(t);
    }
}

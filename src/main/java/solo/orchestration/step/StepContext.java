package solo.orchestration.step;

import java.time.Clock;
import java.util.Map;
import solo.orchestration.flow.StepDefinition;
import solo.state.Actor;
import solo.state.Store;
import tools.jackson.databind.JsonNode;

/**
 * What one attempt of one step gets.
 *
 * @param stepId the step's id, with the item's index for a foreach item ({@code notify[3]})
 * @param idempotencyKey {@code RUN/STEP}: the same for every attempt, across restarts; hand it to the
 *     outside world (an email's Message-ID, an HTTP Idempotency-Key) so that a repeat is recognised
 * @param input the step's input, rendered from its template
 * @param detail what the step's last checkpoint recorded (an approval given, a gate's answer), or null
 * @param outcomeUnknown a previous attempt with outside effects began and a crash hid its outcome
 * @param actor who the step's state writes are made by ({@code run:RUN/step:STEP})
 * @param vars what the step's expressions see (input, trigger, steps, item, ...), as CEL values
 */
public record StepContext(
        String runId,
        String flow,
        String stepId,
        String idempotencyKey,
        int attempt,
        JsonNode input,
        StepDefinition definition,
        JsonNode detail,
        boolean outcomeUnknown,
        Actor.Step actor,
        Store store,
        Clock clock,
        Map<String, Object> vars) {}

package solo.orchestration.kinds;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import solo.orchestration.expr.Template;
import solo.orchestration.flow.Durations;
import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code wait: 5m}, {@code wait: {for: 2h}} or {@code wait: {until: "${input.due}"}}: parks the run until
 * then. The time is fixed at the first attempt and checkpointed, so a restart neither shortens nor
 * lengthens the wait.
 */
public final class WaitStep implements StepKind {
    private final Map<String, Template> untils = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "wait";
    }

    @Override
    public boolean allowedInForeach() {
        return false;
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        JsonNode spec = step.spec();
        String p = step.pointer() + "/wait";
        try {
            if (spec.isString()) {
                Durations.parse(spec.asString());
            } else if (spec.isObject() && spec.has("for")) {
                Durations.parse(spec.get("for").asString());
            } else if (spec.isObject() && spec.has("until")) {
                Template.compile(spec.get("until"), (q, m) -> check.error(p + "/until", m));
            } else {
                check.error(p, "step '" + step.id() + "': wait needs a duration (wait: 5m) or {until: TIME}");
            }
        } catch (IllegalArgumentException e) {
            check.error(p, "step '" + step.id() + "': " + e.getMessage());
        }
    }

    @Override
    public StepOutcome execute(StepContext c) {
        Instant until = until(c);
        return StepOutcome.waitFor("timer", until, Json.object().put("until", until.toString()));
    }

    private Instant until(StepContext c) {
        JsonNode spec = c.definition().spec();
        Instant now = c.clock().instant();
        if (spec.isString()) {
            return now.plus(Durations.parse(spec.asString()));
        }
        if (spec.has("for")) {
            return now.plus(Durations.parse(spec.get("for").asString()));
        }
        JsonNode value = untils.computeIfAbsent(spec.get("until").toString(), k -> Template.compile(spec.get("until"),
                (q, m) -> { })).render(c.vars());
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new NonRetryableException("wait until '" + value.asString() + "': not a time (write 2026-01-31T09:00:00Z)");
        }
    }

    static Duration remaining(Instant until, Instant now) {
        return Duration.between(now, until).isNegative() ? Duration.ZERO : Duration.between(now, until);
    }
}

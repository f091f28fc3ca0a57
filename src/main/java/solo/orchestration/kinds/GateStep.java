package solo.orchestration.kinds;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import solo.orchestration.flow.Durations;
import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gate: PROMPT}, or {@code gate: {prompt: ..., deadline: 2d, default: approve}}: waits for the
 * operator. Approved, the step finishes with {@code {approved: true, reason, by, at}} (and {@code input}
 * when the operator edited it); rejected, it fails its run. With a deadline, the runtime takes the default
 * decision when the deadline passes unanswered: the deadline is fixed at the first attempt and kept in the
 * step log, so a restart neither moves nor loses it.
 */
public final class GateStep implements StepKind {
    private static final Set<String> FIELDS = Set.of("prompt", "deadline", "default");
    private static final Set<String> DEFAULTS = Set.of("approve", "reject");

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public boolean allowedInForeach() {
        return false;
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        JsonNode spec = step.spec();
        String p = step.pointer() + "/gate";
        if (spec.isString()) {
            return;
        }
        if (!spec.isObject() || !spec.path("prompt").isString()) {
            check.error(p, "step '" + step.id() + "': gate needs a prompt (gate: \"Send it?\", or gate: {prompt: ..., deadline: 2d, default: approve})");
            return;
        }
        for (String key : spec.propertyNames()) {
            if (!FIELDS.contains(key)) {
                check.error(p + "/" + key, "step '" + step.id() + "': unknown gate field '" + key + "' (known: default, deadline, prompt)");
            }
        }
        boolean hasDeadline = spec.has("deadline");
        boolean hasDefault = spec.has("default");
        if (hasDeadline) {
            try {
                Duration d = Durations.parse(spec.get("deadline").asString(""));
                if (d.isZero() || d.isNegative()) {
                    check.error(p + "/deadline", "step '" + step.id() + "': a gate's deadline must be more than zero");
                }
            } catch (IllegalArgumentException e) {
                check.error(p + "/deadline", "step '" + step.id() + "': deadline " + e.getMessage());
            }
        }
        if (hasDefault && !DEFAULTS.contains(spec.get("default").asString(""))) {
            check.error(p + "/default", "step '" + step.id() + "': a gate's default must be approve or reject, not '"
                    + spec.get("default").asString(spec.get("default").toString()) + "'");
        }
        if (hasDeadline != hasDefault) {
            check.error(p + (hasDeadline ? "/deadline" : "/default"), "step '" + step.id() + "': a gate's deadline and default go "
                    + "together (deadline: 2d, default: approve): what happens when nobody answers in time");
        }
    }

    @Override
    public StepOutcome execute(StepContext c) {
        JsonNode spec = c.definition().spec();
        String prompt = spec.isString() ? c.definition().specText() : spec.path("prompt").asString();
        ObjectNode detail = Json.object().put("prompt", prompt);
        if (c.input() != null && !c.input().isNull()) {
            detail.set("input", c.input());
        }
        Instant deadline = null;
        if (spec.isObject() && spec.has("deadline")) {
            deadline = c.clock().instant().plus(Durations.parse(spec.get("deadline").asString()));
            detail.put("deadline", deadline.toString()).put("default", spec.get("default").asString());
        }
        return StepOutcome.waitFor("gate", deadline, detail);
    }
}

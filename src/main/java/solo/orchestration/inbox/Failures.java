package solo.orchestration.inbox;

import java.util.Set;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import tools.jackson.databind.JsonNode;

/** Tells what kind of failure an inbox item is, from what its step recorded: what playbooks match on. */
final class Failures {
    private static final Set<String> PROVIDER_DOWN = Set.of("server_error", "timeout", "network", "rate_limited");
    private static final Set<String> BAD_OUTPUT = Set.of("invalid_output", "tool_loop");

    private final FlowCatalog flows;
    private final RunControl runs;

    Failures(FlowCatalog flows, RunControl runs) {
        this.flows = flows;
        this.runs = runs;
    }

    /** Null for items that are questions rather than failures (gates, approvals, tasks). */
    Failure classify(InboxItem item, Run run, StepRecord step) {
        return switch (item.kind()) {
            case "budget" -> new Failure(FailureKind.BUDGET_REACHED, item.flow(), item.stepId(), null, null, null);
            case "outcome" -> new Failure(FailureKind.OUTCOME_UNKNOWN, item.flow(), item.stepId(), null, null,
                    step == null ? null : step.detail().path("action").asString(null));
            case InboxItem.FAILURE -> failure(item, run, step);
            default -> null;
        };
    }

    private Failure failure(InboxItem item, Run run, StepRecord step) {
        if (step == null) {
            return new Failure(FailureKind.STEP_ERROR, item.flow(), null, errorClass(null), null, null);
        }
        JsonNode d = step.detail();
        String reason = d == null ? null : d.path("failure").path("reason").asString(null);
        String action = action(run, step);
        FailureKind kind;
        if (d != null && "deny".equals(d.path("decision").asString(""))) {
            kind = FailureKind.POLICY_DENIED;
        } else if (reason != null && PROVIDER_DOWN.contains(reason)) {
            kind = FailureKind.MODEL_PROVIDER_DOWN;
        } else if (reason != null && BAD_OUTPUT.contains(reason)) {
            kind = FailureKind.INVALID_OUTPUT;
        } else if ("http".equals(action)) {
            kind = FailureKind.HTTP_FAILED;
        } else {
            kind = FailureKind.STEP_ERROR;
        }
        return new Failure(kind, item.flow(), step.stepId(), errorClass(step.stack()), reason, action);
    }

    /** The action an action step carried out: from the flow, or for an agent's proposal from its step's list. */
    private String action(Run run, StepRecord step) {
        if (!"action".equals(step.kind())) {
            return null;
        }
        String id = step.stepId();
        int bracket = id.indexOf('[');
        if (bracket < 0) {
            try {
                FlowDefinition def = flows.version(run.flow(), run.flowVersion());
                return def.step(id).map(s -> s.specText()).orElse(null);
            } catch (RuntimeException gone) {
                return null;
            }
        }
        String parent = id.substring(0, bracket);
        return runs.steps(run.id()).stream().filter(s -> s.stepId().equals(parent) && s.detail() != null)
                .flatMap(s -> java.util.stream.StreamSupport.stream(s.detail().path("follow_ups").spliterator(), false))
                .filter(f -> f.path("step").asString("").equals(id)).map(f -> f.path("action").asString(null))
                .findFirst().orElse(null);
    }

    /** The simple name of the exception in a recorded stack ({@code solo.support.SoloException: ...} gives SoloException). */
    static String errorClass(String stack) {
        if (stack == null || stack.isBlank()) {
            return null;
        }
        String first = stack.lines().findFirst().orElse("");
        int colon = first.indexOf(':');
        String name = (colon < 0 ? first : first.substring(0, colon)).strip();
        int dot = name.lastIndexOf('.');
        String simple = dot < 0 ? name : name.substring(dot + 1);
        int dollar = simple.lastIndexOf('$');
        return dollar < 0 ? simple : simple.substring(dollar + 1);
    }
}

package solo.orchestration.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an inbox item is, read from its step: its kind, a title, its business impact, and why it is there.
 * The queue's order comes from here: money outweighs a customer seeing it, which outweighs an effect that
 * cannot be undone; an outcome that may already have happened outweighs a failure, which outweighs a
 * question. Deadlines come before all of these (see {@link InboxItems#page}).
 */
final class Triage {
    private static final int TITLE = 200;
    private static final Map<String, Integer> IMPACT = Map.of("money", 8, "customer_visible", 4, "irreversible", 2);
    private static final Map<String, Integer> KIND = Map.of("outcome", 3, InboxItem.FAILURE, 2, "budget", 1,
            "approval", 1, "gate", 1, "task", 1);

    private Triage() {}

    static String kind(StepRecord s) {
        return s.status() == StepStatus.UNKNOWN ? "outcome" : s.waitingFor();
    }

    /** The impacts an action's guard recorded (escalation, or the policy's view of the action type). */
    static List<String> impacts(JsonNode detail) {
        TreeSet<String> out = new TreeSet<>();
        if (detail != null) {
            detail.path("escalation").path("impacts").forEach(n -> out.add(n.asString()));
            detail.path("policy").path("impacts").forEach(n -> out.add(n.asString()));
            detail.path("impacts").forEach(n -> out.add(n.asString()));
        }
        out.retainAll(IMPACT.keySet());
        return List.copyOf(out);
    }

    static int impact(String kind, List<String> impacts) {
        int score = KIND.getOrDefault(kind, 0);
        for (String i : impacts) {
            score += IMPACT.getOrDefault(i, 0);
        }
        return score;
    }

    static String title(String kind, StepRecord s) {
        return title(kind, s, id -> id);
    }

    /** @param label turns the entity a task is about into words */
    static String title(String kind, StepRecord s, java.util.function.UnaryOperator<String> label) {
        JsonNode d = s.detail() == null ? Json.object() : s.detail();
        String title = switch (kind) {
            case "gate" -> d.path("prompt").asString("a gate");
            case "approval" -> d.path("action").asString("action") + ": " + d.path("reason").asString("needs your approval");
            case "task" -> "answer for " + d.path("agent").asString("an agent")
                    + (d.path("about").isString() ? " about " + label.apply(d.get("about").asString()) : "");
            case "budget" -> d.path("reason").asString("a budget is reached");
            case "outcome" -> "outcome unknown: " + d.path("action").asString(s.kind()) + " — " + d.path("reason").asString("");
            default -> s.stepId() + " " + kind;
        };
        return clip(title);
    }

    static String failureTitle(String error) {
        return clip("failed: " + (error == null ? "(no error recorded)" : error));
    }

    static String clip(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= TITLE ? one : one.substring(0, TITLE - 1) + "…";
    }

    /**
     * Why the item is in the inbox, from what the step recorded: the rule (a gate in the flow, a policy's
     * rules), the confidence against the threshold its impact asks, the budget reached, the error.
     */
    static ObjectNode why(String kind, StepRecord s, String runError) {
        JsonNode d = s == null || s.detail() == null ? Json.object() : s.detail();
        ObjectNode why = Json.object();
        switch (kind) {
            case "gate" -> why.put("rule", "the flow asks you at step " + s.stepId()).put("prompt", d.path("prompt").asString(""));
            case "approval" -> {
                why.put("rule", d.path("reason").asString(""));
                if (d.has("policy")) {
                    why.set("policy", d.get("policy"));
                }
                if (d.has("escalation")) {
                    why.set("escalation", d.get("escalation"));
                }
                if (d.path("confidence").isNumber()) {
                    why.put("confidence", d.get("confidence").asDouble());
                }
                if (d.has("proposed_by")) {
                    why.set("proposed_by", d.get("proposed_by"));
                }
            }
            case "task" -> why.put("rule", d.path("reason").asString("no model serves the agent's tier"));
            case "budget" -> {
                why.put("rule", d.path("reason").asString(""));
                why.set("budget", d.path("budget"));
            }
            case "outcome" -> why.put("rule", d.path("reason").asString("a crash hid whether the action took effect"));
            default -> {
                why.put("rule", "the run failed" + (s == null ? "" : " at step " + s.stepId()));
                why.put("error", s != null && s.error() != null ? s.error() : runError);
                if (s != null) {
                    why.put("attempts", s.attempts());
                    if (d.has("failure")) {
                        why.set("failure", d.get("failure"));
                    }
                    if ("deny".equals(d.path("decision").asString(""))) {
                        why.put("denied", d.path("reason").asString(""));
                        if (d.has("policy")) {
                            why.set("policy", d.get("policy"));
                        }
                    }
                }
            }
        }
        return why;
    }

    static String impactsText(List<String> impacts) {
        return String.join(",", impacts);
    }

    static List<String> impactsOf(String text) {
        List<String> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            out.addAll(List.of(text.split(",")));
        }
        return out;
    }
}

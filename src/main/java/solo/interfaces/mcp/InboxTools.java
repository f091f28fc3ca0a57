package solo.interfaces.mcp;

import java.util.List;
import java.util.Map;
import solo.interfaces.json.RunViews;
import solo.orchestration.runtime.Run;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox for the assistant: read every item, and take the decisions that are the operator's to
 * delegate. A gate ("read the draft before it goes") may be approved or rejected and a task answered;
 * anything may be rejected except an unknown outcome. Approving what a policy or a budget sent to the
 * operator would let the assistant wave through what the company's rules say only the operator may, and
 * settling an outcome ("it was sent" or "send it again") needs knowledge of the outside world the assistant
 * does not have: those stay the operator's (the cockpit, {@code solo gate}).
 */
final class InboxTools {
    private final Inbox inbox;

    InboxTools(Inbox inbox) {
        this.inbox = inbox;
    }

    Map<String, SoloTool> tools() {
        return Map.of("list_inbox", this::list, "decide_inbox_item", this::decide);
    }

    /** The decisions the assistant may take on an item of this kind. */
    static List<String> allowed(String kind) {
        return switch (kind) {
            case "gate" -> List.of("approve", "reject");
            case "task" -> List.of("answer", "reject");
            case "approval", "budget" -> List.of("reject");
            default -> List.of();
        };
    }

    private ObjectNode list(ToolCall c) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        for (Inbox.Item i : inbox.items(c.integer("limit", 50))) {
            items.add(view(i));
        }
        return out;
    }

    private static ObjectNode view(Inbox.Item i) {
        JsonNode d = i.step() == null || i.step().detail() == null ? Json.object() : i.step().detail();
        ObjectNode o = Json.object().put("id", i.id()).put("run", i.runId()).put("step", i.stepId()).put("flow", i.flow())
                .put("kind", i.kind()).put("title", i.title())
                .put("since", i.since() == null ? null : i.since().toString())
                .put("due", i.due() == null ? null : i.due().toString());
        o.put("summary", d.path("prompt").asString(d.path("reason").asString(i.step() == null ? "" : i.step().error())));
        if (i.step() != null) {
            o.set("input", i.step().input());
        }
        for (String field : List.of("action", "policy", "escalation", "budget", "agent", "form", "context_pack", "proposal")) {
            if (d.has(field)) {
                o.set(field, d.get(field));
            }
        }
        ArrayNode can = o.putArray("assistant_may");
        allowed(i.kind()).forEach(can::add);
        return o;
    }

    private ObjectNode decide(ToolCall c) {
        String runId = c.text("run");
        String stepId = c.text("step");
        String decision = c.text("decision");
        Inbox.Item item = inbox.find(runId, stepId).orElseThrow(() -> new ToolError("/step", "run " + runId + " has no step '"
                + stepId + "' waiting in the inbox (list_inbox shows what waits)"));
        if (!allowed(item.kind()).contains(decision)) {
            throw new ToolError("/decision", "the assistant may not " + decision + " this item (it waits for "
                    + item.kind() + "; the assistant may " + (allowed(item.kind()).isEmpty() ? "not decide it at all"
                    : String.join(" or ", allowed(item.kind()))) + "): it is the operator's own decision, in the cockpit or"
                    + " with solo inbox approve|reject " + item.id());
        }
        Run run;
        if (decision.equals("answer")) {
            JsonNode answer = c.object("answer");
            if (answer == null) {
                throw new ToolError("/answer", "answer the task with an object that fits its form (list_inbox shows the form)");
            }
            try {
                run = inbox.answer(item, answer, c.text("reason"), c.assistant());
            } catch (ToolError e) {
                throw e;
            } catch (solo.support.SoloException e) {
                throw new ToolError("/answer", e.getMessage());
            }
        } else {
            run = inbox.decide(item, decision.equals("approve"), c.text("reason"), c.assistant());
        }
        ObjectNode out = Json.object().put("decided", decision).put("kind", item.kind());
        out.set("run", RunViews.run(run));
        return out;
    }
}

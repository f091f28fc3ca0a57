package solo.interfaces.mcp;

import java.util.List;
import java.util.Map;
import solo.interfaces.json.FlowViews;
import solo.interfaces.json.RunViews;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.FlowException;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Flows and runs for the assistant: list the flows, start a run (queued for the runtime, its trigger naming
 * the assistant), read a run's timeline. Starting a run is not itself an action the policies judge: every
 * action the run then takes passes them, as it comes, like any run's.
 */
final class RunTools {
    private final FlowCatalog flows;
    private final RunControl runs;

    RunTools(FlowCatalog flows, RunControl runs) {
        this.flows = flows;
        this.runs = runs;
    }

    Map<String, SoloTool> tools() {
        return Map.of("list_flows", this::listFlows, "start_run", this::start, "get_run", this::get);
    }

    private ObjectNode listFlows(ToolCall c) {
        ObjectNode out = Json.object();
        ArrayNode a = out.putArray("flows");
        for (String name : flows.names()) {
            ObjectNode o = a.addObject().put("name", name);
            try {
                FlowDefinition def = flows.current(name);
                o.put("valid", true).put("description", def.description()).put("steps", def.steps().size());
                o.set("required_inputs", Json.tree(flows.requiredInputs(name)));
                ArrayNode t = o.putArray("triggers");
                def.triggers().forEach(x -> t.add(FlowViews.trigger(x)));
            } catch (FlowException e) {
                o.put("valid", false).set("problems", Json.tree(e.problems()));
            } catch (SoloException e) {
                o.put("valid", false).putArray("problems").add(e.getMessage());
            }
        }
        return out;
    }

    private ObjectNode start(ToolCall c) {
        String flow = c.text("flow");
        if (!flows.names().contains(flow)) {
            throw new ToolError("/flow", "no flow '" + flow + "' (flows: " + String.join(", ", flows.names()) + ")");
        }
        ObjectNode input = c.objectOrEmpty("input");
        List<String> missing = flows.current(flow).missingInputs(input);
        if (!missing.isEmpty()) {
            throw new ToolError("/input/" + missing.getFirst(), "flow " + flow + " needs input " + String.join(", ", missing));
        }
        ObjectNode trigger = Json.object().put("kind", "manual").put("by", c.assistant().text());
        if (c.text("reason") != null) {
            trigger.put("reason", c.text("reason"));
        }
        Run run = runs.start(flow, input, trigger);
        ObjectNode out = Json.object().put("note", "queued: the company's runtime (solo up) carries it out; get_run follows it");
        out.set("run", RunViews.run(run));
        return out;
    }

    private ObjectNode get(ToolCall c) {
        String id = c.text("id");
        Run run = runs.find(id).orElseThrow(() -> new ToolError("/id", "no run " + id));
        ObjectNode out = Json.object();
        out.set("run", RunViews.timeline(run, runs.steps(id)));
        return out;
    }
}

package solo.orchestration.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order steps run in: each after the steps it depends on ({@code after:} and the {@code steps.ID}
 * its expressions read), ties in the order of the file. References to missing steps and cycles are
 * refused here.
 */
final class FlowGraph {
    private FlowGraph() {}

    /** {@code declared}: every id in the file, including steps refused for other reasons (not reported twice). */
    static List<StepDefinition> order(List<StepDefinition> steps, Set<String> declared, FlowCheck check) {
        Map<String, StepDefinition> byId = new LinkedHashMap<>();
        steps.forEach(s -> byId.put(s.id(), s));
        for (StepDefinition s : steps) {
            for (String dep : s.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    if (declared.contains(dep)) {
                        continue;
                    }
                    String field = s.after().contains(dep) ? "/after" : "";
                    check.error(s.pointer() + field, "step '" + s.id() + "' refers to step '" + dep
                            + "', which does not exist");
                }
            }
        }
        List<StepDefinition> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (ordered.size() < steps.size()) {
            StepDefinition next = null;
            for (StepDefinition s : steps) {
                if (!done.contains(s.id()) && done.containsAll(known(s, byId))) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                List<String> cycle = cycle(byId, done);
                StepDefinition at = byId.get(cycle.getFirst());
                check.error(at.pointer(), "steps depend on each other in a cycle: " + String.join(" -> ", cycle));
                return steps;
            }
            ordered.add(next);
            done.add(next.id());
        }
        return ordered;
    }

    /** A cycle among the steps not yet ordered, as ids from the first back to itself. */
    private static List<String> cycle(Map<String, StepDefinition> byId, Set<String> done) {
        String start = byId.keySet().stream().filter(id -> !done.contains(id)).findFirst().orElseThrow();
        Map<String, Integer> seenAt = new HashMap<>();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.add(current);
            StepDefinition s = byId.get(current);
            current = known(s, byId).stream().filter(d -> !done.contains(d)).sorted().findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
        cycle.add(current);
        return cycle;
    }

    /** The dependencies that are steps of this flow (missing ones are reported on their own). */
    private static List<String> known(StepDefinition s, Map<String, StepDefinition> byId) {
        return s.dependsOn().stream().filter(byId::containsKey).toList();
    }
}

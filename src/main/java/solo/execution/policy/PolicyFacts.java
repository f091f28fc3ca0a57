package solo.execution.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import solo.execution.action.ActionCatalog;
import solo.execution.action.Impact;
import solo.execution.action.ProposedAction;
import solo.execution.config.JsonValues;
import solo.state.Entity;
import solo.state.Store;

/**
 * The variables a rule reads, built once per check from the action, its target entities (read from the
 * store as they are now, never as the proposer described them) and the history of actions.
 */
final class PolicyFacts {
    private PolicyFacts() {}

    static Map<String, Object> of(ProposedAction action, PolicyContext context, Store store, ActionCatalog catalog) {
        List<Object> targets = new ArrayList<>();
        long sameBefore = 0;
        for (String id : action.targets()) {
            targets.add(target(id, store));
            sameBefore += context.history().countDone(action.type(), id);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", action.type());
        a.put("targets", List.copyOf(action.targets()));
        a.put("params", JsonValues.toMap(action.params()));
        a.put("reason", action.reason() == null ? "" : action.reason());
        a.put("proposed_by", action.proposedBy() == null ? "" : action.proposedBy());
        a.put("actor", String.valueOf(action.actor()));
        a.put("impact", catalog.find(action.type()).map(t -> t.impacts().stream().map(Impact::text).sorted()
                .collect(Collectors.toList())).orElse(List.of()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", nz(context.run().runId()));
        run.put("flow", nz(context.run().flow()));
        run.put("step", nz(context.run().stepId()));
        Map<String, Long> today = new LinkedHashMap<>();
        for (String type : catalog.names()) {
            today.put(type, context.history().countToday(type));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("action", a);
        facts.put("targets", targets);
        facts.put("target", targets.isEmpty() ? emptyTarget() : targets.getFirst());
        facts.put("run", run);
        facts.put("today", today);
        facts.put("history", Map.of("same_action_on_targets", sameBefore));
        return facts;
    }

    private static Map<String, Object> target(String id, Store store) {
        Map<String, Object> t = new LinkedHashMap<>();
        Entity e = store.find(id).orElse(null);
        t.put("id", id);
        t.put("exists", e != null);
        t.put("type", e == null ? "" : e.type());
        t.put("version", e == null ? 0L : e.version());
        t.put("body", e == null ? Map.of() : JsonValues.toMap(e.body()));
        return t;
    }

    private static Map<String, Object> emptyTarget() {
        return Map.of("id", "", "exists", false, "type", "", "version", 0L, "body", Map.of());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

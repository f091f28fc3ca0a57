package solo.orchestration.trigger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.orchestration.expr.CelValues;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.TriggerDefinition;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.RunControl;
import solo.state.Event;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts flows on entity events. It follows the event log from a cursor kept in the database; the runs
 * an event starts and the cursor's advance commit together (the cursor guarded by its old value), and
 * each run's id is derived from the event, so every event starts its flows exactly once.
 */
public final class EntityTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(EntityTriggers.class);
    private static final String CURSOR = "entity-events";
    private static final int BATCH = 500;
    private final Store store;
    private final FlowCatalog catalog;
    private final RunControl control;

    public EntityTriggers(Store store, FlowCatalog catalog, RunControl control) {
        this.store = store;
        this.catalog = catalog;
        this.control = control;
    }

    /**
     * On a company's first start, sets the cursor to the newest event: history does not fire, but every event from
     * here on does (the runtime calls it when it starts, before anything it drives can write).
     */
    public void begin() {
        long head = store.lastSeq();
        store.storage().write(tx -> tx.update("INSERT INTO trigger_cursors (name, seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                CURSOR, head));
    }

    /** Reads the events since the cursor and starts the flows they trigger; returns how many runs were queued. */
    public int poll() {
        var cursor = store.storage().read(sql -> sql.queryOne("SELECT seq FROM trigger_cursors WHERE name = ?",
                rs -> rs.getLong(1), CURSOR));
        if (cursor.isEmpty()) {
            begin();
            return 0;
        }
        long from = cursor.get();
        List<Event> events = store.events(from, BATCH);
        if (events.isEmpty()) {
            return 0;
        }
        List<FlowDefinition> flows = catalog.valid().stream()
                .filter(f -> f.triggers().stream().anyMatch(t -> t instanceof TriggerDefinition.EntityEvent)).toList();
        long to = events.getLast().seq();
        return store.storage().write(tx -> {
            if (tx.update("UPDATE trigger_cursors SET seq = ? WHERE name = ? AND seq = ?", to, CURSOR, from) != 1) {
                return 0; // another worker read these events
            }
            int started = 0;
            for (Event event : events) {
                for (FlowDefinition def : flows) {
                    int i = 0;
                    for (TriggerDefinition t : def.triggers()) {
                        if (t instanceof TriggerDefinition.EntityEvent on && matches(on, event)) {
                            Map<String, Object> vars = vars(event);
                            if (passes(on, vars, def, event)) {
                                JsonNode input = on.input().isEmpty() ? Json.object().put("entity_id", event.subject())
                                        : on.input().render(vars);
                                String id = "run_ev" + event.seq() + "-" + def.name() + "-" + i;
                                if (control.start(tx, def, id, input, trigger(event))) {
                                    started++;
                                }
                            }
                        }
                        i++;
                    }
                }
            }
            return started;
        });
    }

    private static boolean matches(TriggerDefinition.EntityEvent on, Event event) {
        String kind = switch (event.kind()) {
            case Event.ENTITY_CREATED -> "created";
            case Event.ENTITY_UPDATED, Event.ENTITY_REVERTED -> "updated";
            default -> null;
        };
        return kind != null && on.type().equals(event.subjectType()) && on.matches(kind);
    }

    private static boolean passes(TriggerDefinition.EntityEvent on, Map<String, Object> vars, FlowDefinition def, Event event) {
        if (on.when() == null) {
            return true;
        }
        try {
            return on.when().test(vars);
        } catch (RuntimeException e) {
            LOG.warn("flow {}: entity trigger condition failed on event {}: {}", def.name(), event.seq(), e.getMessage());
            return false;
        }
    }

    private static Map<String, Object> vars(Event event) {
        ObjectNode entity = Json.object().put("id", event.subject()).put("type", event.subjectType())
                .put("version", event.version());
        // the same shape as everywhere else (query steps, policies' targets): the body under body
        entity.set("body", event.after() == null ? Json.object() : Json.read(event.after()));
        Map<String, Object> vars = new HashMap<>();
        vars.put("entity", CelValues.fromJson(entity));
        vars.put("before", CelValues.fromJson(event.before() == null ? null : Json.read(event.before())));
        vars.put("event", CelValues.fromJson(trigger(event)));
        return vars;
    }

    private static JsonNode trigger(Event event) {
        return Json.object().put("kind", "entity").put("event", event.kind()).put("seq", event.seq())
                .put("entity_id", event.subject()).put("entity_type", event.subjectType())
                .put("actor", event.actor().text());
    }

}

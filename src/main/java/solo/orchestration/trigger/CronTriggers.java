package solo.orchestration.trigger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import solo.orchestration.expr.CelValues;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.TriggerDefinition;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.RunControl;
import solo.state.storage.Storage;
import solo.support.Ids;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Fires cron triggers. Each schedule remembers when it last fired; a tick compares that with the most
 * recent scheduled time, so ticks missed while Solo was down fire once, not once per missed tick. The
 * remembered time is advanced with a guard in the same transaction as the run is queued, so two
 * workers never fire the same tick.
 */
public final class CronTriggers {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private final Storage storage;
    private final FlowCatalog catalog;
    private final RunControl control;
    private final Map<String, ExecutionTime> schedules = new ConcurrentHashMap<>();

    public CronTriggers(Storage storage, FlowCatalog catalog, RunControl control) {
        this.storage = storage;
        this.catalog = catalog;
        this.control = control;
    }

    /** Fires every schedule that is due at {@code now}; returns how many runs were queued. */
    public int tick(Instant now) {
        int fired = 0;
        for (FlowDefinition def : catalog.valid()) {
            for (TriggerDefinition t : def.triggers()) {
                if (t instanceof TriggerDefinition.Cron cron && fire(def, cron, now)) {
                    fired++;
                }
            }
        }
        return fired;
    }

    private boolean fire(FlowDefinition def, TriggerDefinition.Cron cron, Instant now) {
        ExecutionTime schedule = schedules.computeIfAbsent(cron.expression(), e -> ExecutionTime.forCron(PARSER.parse(e)));
        Optional<ZonedDateTime> latest = schedule.lastExecution(now.atZone(cron.zone()).plusNanos(1));
        return storage.write(tx -> {
            Optional<Long> last = tx.queryOne("SELECT last_fired FROM flow_schedules WHERE flow = ? AND trigger_key = ?",
                    rs -> rs.getLong(1), def.name(), cron.key());
            if (last.isEmpty()) {
                // first seen now: the schedule starts from here, it does not fire for the past
                tx.update("INSERT INTO flow_schedules (flow, trigger_key, last_fired) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        def.name(), cron.key(), now.toEpochMilli());
                return false;
            }
            if (latest.isEmpty() || latest.get().toInstant().toEpochMilli() <= last.get()) {
                return false;
            }
            long due = latest.get().toInstant().toEpochMilli();
            if (tx.update("UPDATE flow_schedules SET last_fired = ? WHERE flow = ? AND trigger_key = ? AND last_fired = ?",
                    due, def.name(), cron.key(), last.get()) != 1) {
                return false; // another worker fired it
            }
            JsonNode trigger = Json.object().put("kind", "cron").put("schedule", cron.expression())
                    .put("scheduled_for", latest.get().toInstant().toString());
            Map<String, Object> vars = Map.of("trigger", CelValues.fromJson(trigger));
            JsonNode input = cron.input().isEmpty() ? Json.object() : cron.input().render(vars);
            return control.start(tx, def, Ids.next("run"), input, trigger);
        });
    }
}

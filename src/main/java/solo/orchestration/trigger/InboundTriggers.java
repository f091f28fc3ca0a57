package solo.orchestration.trigger;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.orchestration.expr.CelValues;
import solo.orchestration.expr.Expr;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.TriggerDefinition;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.RunControl;
import solo.state.audit.HashChain;
import solo.state.storage.WriteTx;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts flows on what arrives from outside: a webhook delivery ({@code webhook: NAME}) or an inbound
 * email ({@code email.received}). Both are called inside the transaction that records the arrival (the
 * delivery id, the stored message and the poll cursor), so the runs commit together with it: a delivery
 * starts its runs exactly once, and a replay (already recorded) starts none. Each run's id is derived from
 * the arrival, so even a second call could not start a second run.
 */
public final class InboundTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(InboundTriggers.class);
    private final FlowCatalog catalog;
    private final RunControl control;

    public InboundTriggers(FlowCatalog catalog, RunControl control) {
        this.catalog = catalog;
        this.control = control;
    }

    /**
     * A delivery to {@code POST /hooks/NAME}. Without an {@code input:} template a run gets the payload
     * as its input. A flow whose required inputs the payload lacks refuses the delivery (the sender is
     * told why, and nothing is recorded).
     */
    public int hookDelivered(WriteTx tx, String hook, String deliveryId, JsonNode payload) throws SQLException {
        ObjectNode meta = Json.object().put("kind", "webhook").put("hook", hook).put("delivery_id", deliveryId);
        Map<String, Object> vars = new HashMap<>();
        vars.put("payload", CelValues.fromJson(payload));
        vars.put("hook", CelValues.fromJson(meta));
        String key = "hk" + HashChain.sha256(hook + "\n" + deliveryId).substring(0, 20);
        int started = 0;
        for (FlowDefinition def : catalog.valid()) {
            int i = 0;
            for (TriggerDefinition t : def.triggers()) {
                if (t instanceof TriggerDefinition.Webhook w && w.hook().equals(hook) && passes(w.when(), vars, def)) {
                    JsonNode input = w.input().isEmpty() ? payload : w.input().render(vars);
                    var missing = def.missingInputs(input);
                    if (!missing.isEmpty()) {
                        throw new SoloException("flow " + def.name() + " needs input " + String.join(", ", missing)
                                + " from this delivery to hook " + hook);
                    }
                    if (control.start(tx, def, "run_" + key + "-" + def.name() + "-" + i, input, meta)) {
                        started++;
                    }
                }
                i++;
            }
        }
        return started;
    }

    /**
     * An inbound email, as {@code {artifact_id, message_id, thread_id, from, to, subject, entities, source,
     * received_at}}. Without an {@code input:} template a run gets that object. A flow that cannot start
     * (its inputs are missing) is skipped with a warning: one flow must not block the mailbox.
     */
    public int emailReceived(WriteTx tx, JsonNode email) throws SQLException {
        Map<String, Object> vars = Map.of("email", CelValues.fromJson(email));
        ObjectNode meta = Json.object().put("kind", "email").put("artifact_id", email.path("artifact_id").asString())
                .put("message_id", email.path("message_id").asString());
        String key = "em" + HashChain.sha256(email.path("artifact_id").asString()).substring(0, 20);
        int started = 0;
        for (FlowDefinition def : catalog.valid()) {
            int i = 0;
            for (TriggerDefinition t : def.triggers()) {
                if (t instanceof TriggerDefinition.EmailReceived on && passes(on.when(), vars, def)) {
                    JsonNode input = on.input().isEmpty() ? email : on.input().render(vars);
                    var missing = def.missingInputs(input);
                    if (!missing.isEmpty()) {
                        LOG.warn("flow {}: email {} does not give input {}; not started", def.name(),
                                email.path("artifact_id").asString(), missing);
                    } else if (control.start(tx, def, "run_" + key + "-" + def.name() + "-" + i, input, meta)) {
                        started++;
                    }
                }
                i++;
            }
        }
        return started;
    }

    private static boolean passes(Expr when, Map<String, Object> vars, FlowDefinition def) {
        if (when == null) {
            return true;
        }
        try {
            return when.test(vars);
        } catch (RuntimeException e) {
            LOG.warn("flow {}: trigger condition failed: {}", def.name(), e.getMessage());
            return false;
        }
    }
}

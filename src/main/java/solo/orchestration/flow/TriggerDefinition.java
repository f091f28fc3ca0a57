package solo.orchestration.flow;

import java.time.ZoneId;
import java.util.Set;
import solo.orchestration.expr.Expr;
import solo.orchestration.expr.Template;

/** What starts a flow besides the operator's {@code solo flow run}. */
public sealed interface TriggerDefinition {

    /** A cron schedule (five fields, as in crontab); a schedule missed while Solo was down fires once. */
    record Cron(String expression, ZoneId zone, Template input, String key) implements TriggerDefinition {}

    /** Entities of a type created or updated, optionally filtered by a condition over {@code entity}. */
    record EntityEvent(String type, Set<String> on, Expr when, Template input) implements TriggerDefinition {
        public boolean matches(String eventKind) {
            return on.contains(eventKind);
        }
    }

    /**
     * A delivery to the inbound webhook {@code POST /hooks/NAME} (declared under {@code hooks.inbound} in
     * solo.yaml), optionally filtered by a condition over {@code payload} and {@code hook}.
     */
    record Webhook(String hook, Expr when, Template input) implements TriggerDefinition {}

    /** An inbound email stored by the poller, optionally filtered by a condition over {@code email}. */
    record EmailReceived(Expr when, Template input) implements TriggerDefinition {}
}

package solo.execution.policy;

import java.util.Map;

/**
 * What the runtime knows about actions already carried out, for rules such as "at most N emails a day" and
 * "no invoice sent twice". The runtime implements it over its record of performed actions; days are the
 * company's days.
 */
public interface ActionHistory {

    /** How many actions of this type were carried out today. */
    long countToday(String actionType);

    /** How many actions of this type were carried out on this entity, ever. */
    long countDone(String actionType, String entityId);

    /** Nothing carried out yet. */
    ActionHistory NONE = of(Map.of(), Map.of());

    /**
     * A history from known counts: {@code today} by action type, {@code done} by {@code type + " " + entity id}.
     * For callers that already hold the numbers (and for tests).
     */
    static ActionHistory of(Map<String, Long> today, Map<String, Long> done) {
        return new ActionHistory() {
            @Override
            public long countToday(String actionType) {
                return today.getOrDefault(actionType, 0L);
            }

            @Override
            public long countDone(String actionType, String entityId) {
                return done.getOrDefault(actionType + " " + entityId, 0L);
            }
        };
    }
}

package solo.interfaces.cli;

import solo.state.Entity;
import solo.support.Json;

/** How an entity reads on a terminal. */
final class EntityText {
    private EntityText() {}

    static String full(Entity e) {
        return e.id() + "  (" + e.type() + ", version " + e.version() + ", updated " + Printer.time(e.updatedAt())
                + ")\n" + Json.pretty(e.body());
    }

    static String row(Entity e) {
        return String.format("%-28s %-10s v%-4d %s", e.id(), e.type(), e.version(), e.label());
    }
}

package solo.state.internal;

import java.sql.SQLException;
import solo.state.Change;
import solo.state.Event;
import solo.state.NotFoundException;
import solo.state.RefusedWriteException;
import solo.state.schema.CompanySchema;
import solo.state.schema.LinkType;
import solo.support.Json;

/** Applies changes to links: declared types only, between live entities of the allowed types. */
final class LinkWrites {
    private final CompanySchema schema;

    LinkWrites(CompanySchema schema) {
        this.schema = schema;
    }

    void add(Applying a, Change.AddLink c) throws SQLException {
        LinkType type = schema.linkType(c.type());
        EntityRows.Row from = end(a, c.from(), "source");
        EntityRows.Row to = end(a, c.to(), "target");
        if (from.id().equals(to.id())) {
            throw new RefusedWriteException("an entity cannot link to itself (" + c.from() + ")");
        }
        if (!type.allows(from.type(), to.type())) {
            throw new RefusedWriteException("link type " + type.name() + " goes from "
                    + ends(type.from()) + " to " + ends(type.to()) + ", not from " + from.type() + " to " + to.type()
                    + " (schema/links.yaml)");
        }
        int inserted = a.tx.update("INSERT INTO links (from_id, type, to_id, created_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", c.from(), c.type(), c.to(), a.at.toEpochMilli());
        if (inserted == 1) {
            a.record(Event.LINK_ADDED, c.from(), c.type(), c.to(), null, null, describe(c.from(), c.type(), c.to()));
        }
    }

    void remove(Applying a, Change.RemoveLink c) throws SQLException {
        int removed = a.tx.update("DELETE FROM links WHERE from_id = ? AND type = ? AND to_id = ?",
                c.from(), c.type(), c.to());
        if (removed == 0) {
            throw new NotFoundException("no link " + c.from() + " -" + c.type() + "-> " + c.to());
        }
        a.record(Event.LINK_REMOVED, c.from(), c.type(), c.to(), null, describe(c.from(), c.type(), c.to()), null);
    }

    private static EntityRows.Row end(Applying a, String id, String which) throws SQLException {
        return EntityRows.find(a.tx, id).filter(r -> !r.deleted())
                .orElseThrow(() -> new NotFoundException("link " + which + " " + id + " does not exist"));
    }

    private static String ends(java.util.Set<String> types) {
        return types.isEmpty() ? "any type" : String.join("|", new java.util.TreeSet<>(types));
    }

    private static String describe(String from, String type, String to) {
        return Json.write(Json.object().put("from", from).put("type", type).put("to", to));
    }
}

package solo.state.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import solo.state.Change;
import solo.state.Event;
import solo.state.InvalidEntityException;
import solo.state.NotFoundException;
import solo.state.RefusedWriteException;
import solo.state.StaleVersionException;
import solo.state.Violation;
import solo.state.schema.CompanySchema;
import solo.state.schema.EntityType;
import solo.support.Ids;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** Applies changes to entities: each is checked against the schema and the version it names. */
final class EntityWrites {
    static final int MAX_BODY_BYTES = 256 * 1024;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private final CompanySchema schema;

    EntityWrites(CompanySchema schema) {
        this.schema = schema;
    }

    void create(Applying a, Change.CreateEntity c) throws SQLException {
        EntityType type = schema.type(c.type());
        String body = checkedBody(a, type, c.body());
        String id = c.id() != null ? checkedId(c.id()) : Ids.next(type.name());
        if (EntityRows.find(a.tx, id).isPresent()) {
            throw new RefusedWriteException("entity " + id + " already exists");
        }
        long now = a.at.toEpochMilli();
        EntityRows.Row row = new EntityRows.Row(id, type.name(), 1, body, false, now, now);
        EntityRows.insert(a.tx, row);
        a.record(Event.ENTITY_CREATED, id, type.name(), null, 1L, null, body);
        a.touched(row.toEntity());
    }

    void update(Applying a, Change.UpdateEntity c) throws SQLException {
        EntityRows.Row old = live(a, c.id());
        checkVersion(old, c.expectedVersion());
        String body = checkedBody(a, schema.type(old.type()), c.body());
        if (body.equals(old.body())) {
            a.touched(old.toEntity()); // nothing changed: no new version, no event
            return;
        }
        write(a, old, body, false, Event.ENTITY_UPDATED);
    }

    void revert(Applying a, Change.RevertEntity c) throws SQLException {
        EntityRows.Row old = EntityRows.find(a.tx, c.id()).orElseThrow(() -> NotFoundException.entity(c.id()));
        checkVersion(old, c.expectedVersion());
        Optional<String> target = EntityRows.bodyAt(a.tx, c.id(), c.toVersion())
                .orElseThrow(() -> new NotFoundException(c.id() + " has no version " + c.toVersion()
                        + " (it is at version " + old.version() + ")"));
        if (target.isEmpty()) {
            throw new RefusedWriteException("version " + c.toVersion() + " of " + c.id()
                    + " is its deletion; revert to a version before it");
        }
        EntityType type = schema.type(old.type());
        List<Violation> violations = type.validate(Json.read(target.get()));
        if (!violations.isEmpty()) {
            throw new InvalidEntityException(old.type(), "version " + c.toVersion() + " of " + c.id()
                    + " no longer satisfies schema/" + type.file().getFileName(), violations);
        }
        write(a, old, target.get(), false, Event.ENTITY_REVERTED);
    }

    void delete(Applying a, Change.DeleteEntity c) throws SQLException {
        EntityRows.Row old = live(a, c.id());
        checkVersion(old, c.expectedVersion());
        long links = EntityRows.linkCount(a.tx, c.id());
        if (links > 0) {
            throw new RefusedWriteException(c.id() + " still has " + links + " link(s): unlink them first");
        }
        EntityRows.Row row = new EntityRows.Row(old.id(), old.type(), old.version() + 1, old.body(), true,
                old.createdAt(), a.at.toEpochMilli());
        EntityRows.update(a.tx, row, old.version());
        a.record(Event.ENTITY_DELETED, old.id(), old.type(), null, row.version(), old.body(), null);
        a.gone(old.id());
    }

    private void write(Applying a, EntityRows.Row old, String body, boolean deleted, String kind) throws SQLException {
        EntityRows.Row row = new EntityRows.Row(old.id(), old.type(), old.version() + 1, body, deleted,
                old.createdAt(), a.at.toEpochMilli());
        EntityRows.update(a.tx, row, old.version());
        a.record(kind, old.id(), old.type(), null, row.version(), old.deleted() ? null : old.body(), body);
        a.touched(row.toEntity());
    }

    static EntityRows.Row live(Applying a, String id) throws SQLException {
        return EntityRows.find(a.tx, id).filter(r -> !r.deleted()).orElseThrow(() -> NotFoundException.entity(id));
    }

    private static void checkVersion(EntityRows.Row row, long expected) {
        if (row.version() != expected) {
            throw new StaleVersionException(row.id(), expected, row.version());
        }
    }

    private static String checkedBody(Applying a, EntityType type, JsonNode body) {
        String prechecked = a.prechecked.text(body, type.name());
        return prechecked != null ? prechecked : checkedBody(type, body);
    }

    /** Validates and serializes a body; throws if it breaks the schema or the size limit. */
    static String checkedBody(EntityType type, JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidEntityException(type.name(), List.of(new Violation("", "type",
                    "the body must be a JSON object, not " + body.getNodeType().name().toLowerCase(), null)));
        }
        List<Violation> violations = type.validate(body);
        if (!violations.isEmpty()) {
            throw new InvalidEntityException(type.name(), violations);
        }
        String text = Json.write(body);
        if (text.length() > MAX_BODY_BYTES) {
            throw new RefusedWriteException(type.name() + " body is " + text.length() + " bytes; the limit is "
                    + MAX_BODY_BYTES + " (keep long text in artifacts)");
        }
        return text;
    }

    static String checkedId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new RefusedWriteException("id '" + id + "' must be 1-128 letters, digits, '_', '.', ':' or '-'");
        }
        return id;
    }
}

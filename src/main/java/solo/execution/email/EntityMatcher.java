package solo.execution.email;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import solo.state.schema.CompanySchema;
import solo.state.schema.EntityType;
import solo.state.storage.Sql;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Finds the entities an email address belongs to: those whose top-level fields declared
 * {@code format: email} in their type's schema (a lead's {@code email}, a customer's {@code billing_email})
 * hold the address, compared without case.
 */
public final class EntityMatcher {
    private final Map<String, List<String>> fieldsByType = new TreeMap<>();

    public EntityMatcher(CompanySchema schema) {
        for (EntityType type : schema.types().values()) {
            List<String> fields = new ArrayList<>();
            for (var p : type.schema().path("properties").properties()) {
                if ("email".equals(p.getValue().path("format").asString(""))) {
                    fields.add(p.getKey());
                }
            }
            if (!fields.isEmpty()) {
                fieldsByType.put(type.name(), fields);
            }
        }
    }

    /** The addresses an entity's email fields hold, in the order its schema declares them. */
    public List<String> addressesOf(String type, JsonNode body) {
        List<String> out = new ArrayList<>();
        for (String field : fieldsByType.getOrDefault(type, List.of())) {
            String v = body.path(field).asString("").trim();
            if (!v.isEmpty() && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Ids of matching entities, sorted. */
    public List<String> match(Sql sql, Collection<String> addresses) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        if (fieldsByType.isEmpty()) {
            return List.of();
        }
        String types = String.join(", ", fieldsByType.keySet().stream().map(t -> "'" + t.replace("'", "''") + "'").toList());
        for (String address : addresses) {
            String wanted = address.toLowerCase(Locale.ROOT);
            // LIKE narrows the scan portably (SQLite and PostgreSQL); the JSON check below decides.
            List<String[]> rows = sql.query("SELECT id, type, body FROM entities WHERE deleted = 0 AND type IN (" + types
                    + ") AND lower(body) LIKE ?", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                    "%" + wanted + "%");
            for (String[] row : rows) {
                JsonNode body = Json.read(row[2]);
                for (String field : fieldsByType.get(row[1])) {
                    if (body.path(field).asString("").trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                        ids.add(row[0]);
                    }
                }
            }
        }
        return List.copyOf(ids);
    }
}

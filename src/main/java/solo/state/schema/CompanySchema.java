package solo.state.schema;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import solo.state.RefusedWriteException;

/** The company's declared entity types and link types, from its {@code schema/} folder. */
public final class CompanySchema {
    private final SortedMap<String, EntityType> types;
    private final SortedMap<String, LinkType> linkTypes;

    CompanySchema(Map<String, EntityType> types, Map<String, LinkType> linkTypes) {
        this.types = new TreeMap<>(types);
        this.linkTypes = new TreeMap<>(linkTypes);
    }

    /** Reads {@code DIR/*.yaml} (entity types) and {@code DIR/links.yaml} (link types). */
    public static CompanySchema load(Path dir) {
        return new SchemaLoader(dir).load();
    }

    /**
     * Checks every type's schema against the JSON Schema meta-schema now rather than at first use;
     * throws naming the file, line and column of the first problem. For {@code solo init}, {@code solo up}.
     */
    public CompanySchema checkAll() {
        types.values().forEach(EntityType::check);
        return this;
    }

    public SortedMap<String, EntityType> types() {
        return types;
    }

    public SortedMap<String, LinkType> linkTypes() {
        return linkTypes;
    }

    public Optional<EntityType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public EntityType type(String type) {
        EntityType t = types.get(type);
        if (t == null) {
            throw new RefusedWriteException("unknown entity type '" + type + "': declared types are "
                    + String.join(", ", types.keySet()));
        }
        return t;
    }

    public LinkType linkType(String name) {
        LinkType t = linkTypes.get(name);
        if (t == null) {
            throw new RefusedWriteException("unknown link type '" + name + "': declared link types are "
                    + String.join(", ", linkTypes.keySet()) + " (schema/links.yaml)");
        }
        return t;
    }
}

package solo.memory.index;

import java.util.Collection;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** What a search may see: one entity, an entity with its linked neighbours, or the whole company. */
public sealed interface Scope {

    /** The Lucene filter that admits exactly the chunks inside this scope. */
    Query filter();

    /** One entity's memory. */
    record Entity(String entityId) implements Scope {
        public Entity {
            Objects.requireNonNull(entityId, "entityId");
        }

        @Override
        public Query filter() {
            return new TermQuery(new Term(IndexFields.ENTITY, entityId));
        }
    }

    /** A set of entities, typically one entity and the entities linked to it. */
    record Entities(SortedSet<String> entityIds) implements Scope {
        public Entities {
            entityIds = new TreeSet<>(entityIds);
            if (entityIds.isEmpty()) {
                throw new IllegalArgumentException("a scope needs at least one entity");
            }
        }

        @Override
        public Query filter() {
            return new TermInSetQuery(IndexFields.ENTITY, entityIds.stream().map(BytesRef::new).toList());
        }
    }

    /** Everything the company's memory holds (an index holds one company). */
    record Company() implements Scope {
        @Override
        public Query filter() {
            return MatchAllDocsQuery.INSTANCE;
        }
    }

    static Scope entity(String id) {
        return new Entity(id);
    }

    static Scope entities(Collection<String> ids) {
        return ids.size() == 1 ? new Entity(ids.iterator().next()) : new Entities(new TreeSet<>(ids));
    }

    static Scope company() {
        return new Company();
    }
}

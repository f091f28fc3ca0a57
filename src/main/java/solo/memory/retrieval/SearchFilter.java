package solo.memory.retrieval;

import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import solo.memory.index.IndexFields;

/**
 * Metadata restrictions on top of a scope: artifact kinds, authors, a time window (epoch millis,
 * inclusive). Empty sets and null bounds mean "any".
 */
public record SearchFilter(Set<String> kinds, Set<String> authors, Long fromMillis, Long toMillis) {
    public static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), null, null);

    public SearchFilter {
        kinds = Set.copyOf(new TreeSet<>(kinds));
        authors = Set.copyOf(new TreeSet<>(authors));
    }

    /** The scope's filter narrowed by these restrictions. */
    Query apply(Query scope) {
        if (kinds.isEmpty() && authors.isEmpty() && fromMillis == null && toMillis == null) {
            return scope;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(scope, Occur.FILTER);
        if (!kinds.isEmpty()) {
            b.add(termSet(IndexFields.KIND, kinds), Occur.FILTER);
        }
        if (!authors.isEmpty()) {
            b.add(termSet(IndexFields.AUTHOR, authors), Occur.FILTER);
        }
        if (fromMillis != null || toMillis != null) {
            long from = fromMillis == null ? Long.MIN_VALUE : fromMillis;
            long to = toMillis == null ? Long.MAX_VALUE : toMillis;
            b.add(LongPoint.newRangeQuery(IndexFields.TIME, from, to), Occur.FILTER);
        }
        return b.build();
    }

    private static Query termSet(String field, Set<String> values) {
        return new TermInSetQuery(field, new TreeSet<>(values).stream().map(BytesRef::new).toList());
    }
}

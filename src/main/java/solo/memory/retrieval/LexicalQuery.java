package solo.memory.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import solo.memory.index.IndexFields;

/**
 * Builds the BM25 query: the question's terms against the text, title and author fields, like a
 * plain BM25 over "author: title text" but with each field's length normalized on its own.
 */
final class LexicalQuery {
    private final QueryBuilder builder;

    LexicalQuery(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /** The query, or null when the text has no searchable term (only stop words, say). */
    Query build(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += add(b, IndexFields.TEXT, text, 1.0);
        clauses += add(b, IndexFields.TITLE, text, 1.0);
        clauses += add(b, IndexFields.AUTHOR_TEXT, text, 1.0);
        return clauses == 0 ? null : b.build();
    }

    private int add(BooleanQuery.Builder b, String field, String text, double weight) {
        Query q = builder.createBooleanQuery(field, text, Occur.SHOULD);
        if (q == null) {
            return 0;
        }
        b.add(weight == 1.0 ? q : new BoostQuery(q, (float) weight), Occur.SHOULD);
        return 1;
    }
}

package solo.memory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import solo.memory.time.DateRange;

/**
 * A point-in-time view of the index for one search or one ingest batch. Doc ids are only
 * meaningful within the view that produced them.
 */
public final class IndexView implements AutoCloseable {
    /** Where a chunk sits in its thread. */
    public record ThreadRef(String thread, int pos) {}

    private final SearcherManager manager;
    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;

    IndexView(SearcherManager manager, IndexSearcher searcher) {
        this.manager = manager;
        this.searcher = searcher;
        this.leaves = searcher.getIndexReader().leaves();
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** BM25 top {@code n} of {@code query} among the documents {@code filter} admits. */
    public ScoreDoc[] lexical(Query query, Query filter, int n) {
        Query q = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
        try {
            return searcher.search(q, n).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nearest {@code n} chunks to {@code vector} in one vector field (HNSW, exact when the filter is small). */
    public ScoreDoc[] nearest(String field, float[] vector, Query filter, int n) {
        try {
            return searcher.search(new KnnFloatVectorQuery(field, vector, n, filter), n).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exact cosine similarity (vectors are unit length) of each doc's vector with {@code target}. */
    public float[] cosines(int[] docs, String field, float[] target) {
        float[] out = new float[docs.length];
        Integer[] order = sortedOrder(docs);
        try {
            int leafIndex = -1;
            FloatVectorValues values = null;
            KnnVectorValues.DocIndexIterator it = null;
            for (int i : order) {
                int doc = docs[i];
                int li = ReaderUtil.subIndex(doc, leaves);
                if (li != leafIndex) {
                    leafIndex = li;
                    values = leaves.get(li).reader().getFloatVectorValues(field);
                    it = values == null ? null : values.iterator();
                }
                int local = doc - leaves.get(li).docBase;
                if (it != null && (it.docID() == local || (it.docID() < local && it.advance(local) == local))) {
                    out[i] = dot(values.vectorValue(it.index()), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Thread and position of each doc, from doc values (no stored-field reads). */
    public ThreadRef[] threadRefs(int[] docs) {
        ThreadRef[] out = new ThreadRef[docs.length];
        try {
            for (Integer i : sortedOrder(docs)) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                int local = docs[i] - leaf.docBase;
                SortedDocValues thread = leaf.reader().getSortedDocValues(IndexFields.THREAD);
                NumericDocValues pos = leaf.reader().getNumericDocValues(IndexFields.POSITION_IN_THREAD);
                if (thread != null && pos != null && thread.advanceExact(local) && pos.advanceExact(local)) {
                    out[i] = new ThreadRef(thread.lookupOrd(thread.ordValue()).utf8ToString(), (int) pos.longValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every author name in the index (the speakers a question may name). */
    public java.util.SortedSet<String> authorNames() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        try {
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.AUTHOR);
            if (terms != null) {
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    if (t.length > 0) {
                        out.add(t.utf8ToString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** When each doc was written, and the days its text mentions. */
    public record Dates(long time, List<DateRange> mentioned) {}

    public Dates[] dates(int[] docs) {
        Dates[] out = new Dates[docs.length];
        try {
            for (Integer i : sortedOrder(docs)) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                int local = docs[i] - leaf.docBase;
                NumericDocValues time = leaf.reader().getNumericDocValues(IndexFields.TIME);
                SortedNumericDocValues days = leaf.reader().getSortedNumericDocValues(IndexFields.MENTIONED_DAYS);
                List<DateRange> mentioned = new ArrayList<>();
                if (days != null && days.advanceExact(local)) {
                    for (int k = 0; k < days.docValueCount(); k++) {
                        mentioned.add(DateRange.decode(days.nextValue()));
                    }
                }
                long t = time != null && time.advanceExact(local) ? time.longValue() : 0;
                out[i] = new Dates(t, mentioned);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Chunk ids of docs, from doc values: the deterministic tie-break of every ranking. */
    public String[] chunkIds(int[] docs) {
        return sortedValues(docs, IndexFields.ID);
    }

    /** Authors of docs, from doc values. */
    public String[] authors(int[] docs) {
        return sortedValues(docs, IndexFields.AUTHOR);
    }

    private String[] sortedValues(int[] docs, String field) {
        String[] out = new String[docs.length];
        try {
            for (Integer i : sortedOrder(docs)) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                SortedDocValues ids = leaf.reader().getSortedDocValues(field);
                if (ids != null && ids.advanceExact(docs[i] - leaf.docBase)) {
                    out[i] = ids.lookupOrd(ids.ordValue()).utf8ToString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Docs at the given thread positions (inside {@code filter}); absent positions are left out. */
    public int[] docsAt(List<ThreadRef> refs, Query filter) {
        if (refs.isEmpty()) {
            return new int[0];
        }
        List<BytesRef> keys = refs.stream()
                .map(r -> new BytesRef(IndexFields.threadPosKey(r.thread(), r.pos())))
                .toList();
        Query q = new BooleanQuery.Builder()
                .add(new TermInSetQuery(IndexFields.THREAD_POS, keys), Occur.FILTER)
                .add(filter, Occur.FILTER)
                .build();
        try {
            return Arrays.stream(searcher.search(q, keys.size()).scoreDocs).mapToInt(sd -> sd.doc).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last position used in a thread, or -1 for a new thread. */
    public int lastPosition(String thread) {
        Sort byPos = new Sort(new SortField(IndexFields.POSITION_IN_THREAD, SortField.Type.INT, true));
        try {
            ScoreDoc[] top = searcher.search(new TermQuery(new Term(IndexFields.THREAD, thread)), 1, byPos).scoreDocs;
            return top.length == 0 ? -1 : threadRefs(new int[] {top[0].doc})[0].pos();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chunk at a thread position, if any. */
    public Optional<Chunk> chunkAt(String thread, int pos) {
        int[] docs = docsAt(List.of(new ThreadRef(thread, pos)), org.apache.lucene.search.MatchAllDocsQuery.INSTANCE);
        return docs.length == 0 ? Optional.empty() : Optional.of(chunk(docs[0]));
    }

    public Chunk chunk(int doc) {
        try {
            return IndexFields.toChunk(searcher.storedFields().document(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Chunk> chunks(int[] docs) {
        List<Chunk> out = new ArrayList<>(docs.length);
        for (int d : docs) {
            out.add(chunk(d));
        }
        return out;
    }

    public int count(Query q) {
        try {
            return searcher.count(q);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer[] sortedOrder(int[] docs) {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        return order;
    }

    private static float dot(float[] a, float[] b) {
        return org.apache.lucene.util.VectorUtil.dotProduct(a, b);
    }

    @Override
    public void close() {
        try {
            manager.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

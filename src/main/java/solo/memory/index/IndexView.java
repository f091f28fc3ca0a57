package solo.memory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * A point-in-time view of the index for one search or one ingest batch. Doc ids are only
 * meaningful within the view that produced them. Close it to release the searcher.
 */
public final class IndexView implements AutoCloseable {
    private static final int PAGE = 32;

    private final SearcherManager manager;
    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;

    IndexView(SearcherManager manager, IndexSearcher searcher) {
        this.manager = manager;
        this.searcher = searcher;
        this.leaves = searcher.getIndexReader().leaves();
    }

    /** Identifies the reader generation, for caches of per-index facts (the reader object itself). */
    public Object version() {
        return searcher.getIndexReader().getReaderCacheHelper().getKey();
    }

    /** BM25 top {@code n} of {@code query} among the documents {@code filter} admits. */
    public ScoreDoc[] lexical(Query query, Query filter, int n) {
        Query q = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
        return search(q, n);
    }

    /** Nearest {@code n} chunks to {@code vector} in one vector field (HNSW; exact when the filter is small). */
    public ScoreDoc[] nearest(String field, float[] vector, Query filter, int n) {
        return search(new KnnFloatVectorQuery(field, vector, n, filter), n);
    }

    /**
     * Exact cosine similarity (vectors are unit length) of each doc's vector with {@code target}; NaN for a
     * doc that has no vector in that field.
     */
    public float[] cosines(int[] docs, String field, float[] target) {
        float[] out = new float[docs.length];
        Arrays.fill(out, Float.NaN);
        try {
            int leafIndex = -1;
            FloatVectorValues values = null;
            KnnVectorValues.DocIndexIterator it = null;
            for (int i : FactsReader.ascending(docs)) {
                int li = ReaderUtil.subIndex(docs[i], leaves);
                if (li != leafIndex) {
                    leafIndex = li;
                    values = leaves.get(li).reader().getFloatVectorValues(field);
                    it = values == null ? null : values.iterator();
                }
                int local = docs[i] - leaves.get(li).docBase;
                if (it != null && (it.docID() == local || (it.docID() < local && it.advance(local) == local))) {
                    out[i] = VectorUtil.dotProduct(values.vectorValue(it.index()), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Ids, authors, thread positions and dates of docs, from doc values. */
    public ChunkFacts[] facts(int[] docs) {
        try {
            return FactsReader.read(leaves, docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every author name in the index: the speakers a question may name. */
    public SortedSet<String> authorNames() {
        SortedSet<String> out = new TreeSet<>();
        try {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.AUTHOR);
            if (terms != null) {
                TermsEnum te = terms.iterator();
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

    /** Docs at the given thread positions (inside {@code filter}); absent positions are left out. */
    public int[] docsAt(List<ChunkFacts.ThreadRef> refs, Query filter) {
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
        return Arrays.stream(search(q, keys.size())).mapToInt(sd -> sd.doc).toArray();
    }

    /**
     * The last chunk of a thread, ignoring the chunks of {@code replaced} sources (about to be
     * replaced, so they neither hold a place nor give context).
     */
    public Optional<Chunk> lastInThread(String thread, Set<String> replaced) {
        Sort byPos = new Sort(new SortField(IndexFields.POSITION_IN_THREAD, SortField.Type.INT, true));
        Query q = new TermQuery(new Term(IndexFields.THREAD, thread));
        try {
            ScoreDoc after = null;
            while (true) {
                ScoreDoc[] page = (after == null
                        ? searcher.search(q, PAGE, byPos)
                        : searcher.searchAfter(after, q, PAGE, byPos)).scoreDocs;
                for (ScoreDoc sd : page) {
                    Chunk c = chunks(new int[] {sd.doc}).getFirst();
                    if (!replaced.contains(c.sourceId())) {
                        return Optional.of(c);
                    }
                }
                if (page.length < PAGE) {
                    return Optional.empty();
                }
                after = page[page.length - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sources with chunks in a thread, in thread order. */
    public List<String> sourcesInThread(String thread) {
        Sort byPos = new Sort(new SortField(IndexFields.POSITION_IN_THREAD, SortField.Type.INT));
        Query q = new TermQuery(new Term(IndexFields.THREAD, thread));
        try {
            int n = searcher.count(q);
            if (n == 0) {
                return List.of();
            }
            ScoreDoc[] docs = searcher.search(q, n, byPos).scoreDocs;
            java.util.LinkedHashSet<String> sources = new java.util.LinkedHashSet<>();
            for (Chunk c : chunks(Arrays.stream(docs).mapToInt(sd -> sd.doc).toArray())) {
                sources.add(c.sourceId());
            }
            return List.copyOf(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source's chunks in order (empty when the index does not hold it). */
    public List<Chunk> chunksOf(String sourceId) {
        Query q = new TermQuery(new Term(IndexFields.SOURCE, sourceId));
        try {
            int n = searcher.count(q);
            if (n == 0) {
                return List.of();
            }
            int[] docs = Arrays.stream(searcher.search(q, n).scoreDocs).mapToInt(sd -> sd.doc).toArray();
            return chunks(docs).stream().sorted(java.util.Comparator.comparingInt(c -> c.position().ordinal())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many chunks the index holds. */
    public int chunkCount() {
        return searcher.getIndexReader().numDocs();
    }

    /** The chunk at a thread position, if any. */
    public Optional<Chunk> chunkAt(String thread, int pos) {
        int[] docs = docsAt(List.of(new ChunkFacts.ThreadRef(thread, pos)), MatchAllDocsQuery.INSTANCE);
        return docs.length == 0 ? Optional.empty() : Optional.of(chunks(docs).getFirst());
    }

    /** The stored chunks of docs, in the given order. */
    public List<Chunk> chunks(int[] docs) {
        try {
            StoredFields stored = searcher.storedFields();
            Chunk[] out = new Chunk[docs.length];
            for (int i : FactsReader.ascending(docs)) {
                out[i] = IndexFields.toChunk(stored.document(docs[i]));
            }
            return List.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count(Query q) {
        try {
            return searcher.count(q);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScoreDoc[] search(Query q, int n) {
        try {
            return searcher.search(q, n).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package solo.memory.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import solo.memory.time.DateRange;
import solo.memory.time.TimeExpressions;

/** The index's field names and the mapping between a {@link Chunk} and a Lucene document. */
public final class IndexFields {
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String ENTITY = "entity";
    public static final String KIND = "kind";
    public static final String AUTHOR = "author";
    public static final String TIME = "time";
    public static final String THREAD = "thread";
    /** {@code thread + '\u0000' + position}: finds a chunk's neighbours with one term lookup. */
    public static final String THREAD_POS = "thread_pos";
    public static final String POSITION_IN_THREAD = "thread_pos_n";
    /** Days the text talks about ("yesterday", "on May 3"), resolved against its time; see TimeExpressions. */
    public static final String MENTIONED_DAYS = "mentioned_days";
    public static final String ORDINAL = "ordinal";
    public static final String START = "start";
    public static final String END = "end";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    /** Searchable speaker name, so that "what did Caroline say" matches Caroline's own words. */
    public static final String AUTHOR_TEXT = "author_text";
    /** The chunk's own meaning. */
    public static final String VECTOR = "vector";
    /** The chunk read together with the turn before it in its thread: replies make sense in context. */
    public static final String CONTEXT_VECTOR = "context_vector";

    private IndexFields() {}

    public static String threadPosKey(String thread, int pos) {
        return thread + '\u0000' + pos;
    }

    static Document toDocument(IndexedChunk indexed) {
        Chunk c = indexed.chunk();
        Document d = new Document();
        d.add(new StringField(ID, c.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(ID, new BytesRef(c.id())));
        d.add(new StringField(SOURCE, c.sourceId(), Field.Store.YES));
        for (String e : c.entityIds()) {
            d.add(new StringField(ENTITY, e, Field.Store.YES));
        }
        d.add(new StringField(KIND, c.kind(), Field.Store.YES));
        d.add(new StringField(AUTHOR, c.author(), Field.Store.YES));
        d.add(new SortedDocValuesField(AUTHOR, new BytesRef(c.author())));
        d.add(new TextField(AUTHOR_TEXT, c.author(), Field.Store.NO));
        d.add(new LongPoint(TIME, c.time()));
        d.add(new NumericDocValuesField(TIME, c.time()));
        d.add(new StoredField(TIME, c.time()));
        LocalDate written = Instant.ofEpochMilli(c.time()).atZone(ZoneOffset.UTC).toLocalDate();
        for (DateRange r : TimeExpressions.mentionedIn(c.text(), written)) {
            d.add(new SortedNumericDocValuesField(MENTIONED_DAYS, r.encode()));
        }
        d.add(new StringField(THREAD, c.thread(), Field.Store.YES));
        d.add(new SortedDocValuesField(THREAD, new BytesRef(c.thread())));
        d.add(new NumericDocValuesField(POSITION_IN_THREAD, c.threadPos()));
        d.add(new StringField(THREAD_POS, threadPosKey(c.thread(), c.threadPos()), Field.Store.NO));
        d.add(new StoredField(POSITION_IN_THREAD, c.threadPos()));
        d.add(new StoredField(ORDINAL, c.position().ordinal()));
        d.add(new StoredField(START, c.position().start()));
        d.add(new StoredField(END, c.position().end()));
        d.add(new TextField(TITLE, c.title(), Field.Store.YES));
        d.add(new TextField(TEXT, c.text(), Field.Store.YES));
        d.add(new KnnFloatVectorField(VECTOR, indexed.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        // a chunk with nothing before it in its thread reads the same in context: its context vector would be
        // a copy, doubling the graph work and the vector bytes of every standalone note for nothing
        if (!java.util.Arrays.equals(indexed.vector(), indexed.contextVector())) {
            d.add(new KnnFloatVectorField(CONTEXT_VECTOR, indexed.contextVector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    static Chunk toChunk(Document d) {
        List<String> entities = new ArrayList<>();
        for (IndexableField f : d.getFields(ENTITY)) {
            entities.add(f.stringValue());
        }
        return new Chunk(
                d.get(ID),
                d.get(SOURCE),
                new ChunkPosition(intValue(d, ORDINAL), intValue(d, START), intValue(d, END)),
                entities,
                d.get(KIND),
                d.get(AUTHOR),
                d.getField(TIME).numericValue().longValue(),
                d.get(THREAD),
                intValue(d, POSITION_IN_THREAD),
                d.get(TITLE),
                d.get(TEXT));
    }

    private static int intValue(Document d, String field) {
        return d.getField(field).numericValue().intValue();
    }
}

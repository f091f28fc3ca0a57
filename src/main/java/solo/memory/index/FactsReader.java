package solo.memory.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import solo.memory.time.DateRange;

/** Reads {@link ChunkFacts} for many docs, visiting them in doc-id order, one set of iterators per segment. */
final class FactsReader {
    private FactsReader() {}

    static ChunkFacts[] read(List<LeafReaderContext> leaves, int[] docs) throws IOException {
        ChunkFacts[] out = new ChunkFacts[docs.length];
        Integer[] order = ascending(docs);
        int leafIndex = -1;
        Segment segment = null;
        for (int i : order) {
            int li = ReaderUtil.subIndex(docs[i], leaves);
            if (li != leafIndex) {
                leafIndex = li;
                segment = new Segment(leaves.get(li).reader());
            }
            out[i] = segment.read(docs[i] - leaves.get(li).docBase);
        }
        return out;
    }

    static Integer[] ascending(int[] docs) {
        Integer[] order = new Integer[docs.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        return order;
    }

    /** Forward-only doc values of one segment; docs must come in ascending order. */
    private static final class Segment {
        private final SortedDocValues id;
        private final SortedDocValues author;
        private final SortedDocValues thread;
        private final NumericDocValues pos;
        private final NumericDocValues time;
        private final SortedNumericDocValues mentioned;

        Segment(LeafReader reader) throws IOException {
            id = reader.getSortedDocValues(IndexFields.ID);
            author = reader.getSortedDocValues(IndexFields.AUTHOR);
            thread = reader.getSortedDocValues(IndexFields.THREAD);
            pos = reader.getNumericDocValues(IndexFields.POSITION_IN_THREAD);
            time = reader.getNumericDocValues(IndexFields.TIME);
            mentioned = reader.getSortedNumericDocValues(IndexFields.MENTIONED_DAYS);
        }

        ChunkFacts read(int doc) throws IOException {
            String t = string(thread, doc);
            ChunkFacts.ThreadRef ref = t == null || pos == null || !pos.advanceExact(doc)
                    ? null
                    : new ChunkFacts.ThreadRef(t, (int) pos.longValue());
            List<DateRange> days = new ArrayList<>();
            if (mentioned != null && mentioned.advanceExact(doc)) {
                for (int k = 0; k < mentioned.docValueCount(); k++) {
                    days.add(DateRange.decode(mentioned.nextValue()));
                }
            }
            long when = time != null && time.advanceExact(doc) ? time.longValue() : 0;
            String a = string(author, doc);
            return new ChunkFacts(string(id, doc), a == null ? "" : a, ref, when, days);
        }

        private static String string(SortedDocValues values, int doc) throws IOException {
            return values != null && values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
        }
    }
}

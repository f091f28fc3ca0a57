package solo.memory.index;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits long text into overlapping windows that end on sentence boundaries where possible.
 * Overlap keeps a fact that straddles a boundary whole in at least one chunk. Deterministic: the
 * same text and settings always give the same spans.
 */
public final class Chunker {
    /** A piece of the text: its number and its span {@code [start, end)}. */
    public record Span(int ordinal, int start, int end, String text) {}

    private final int maxChars;
    private final int overlapChars;

    /** Defaults sized for small embedding models (~256 word pieces): about 1,000 characters, 200 overlap. */
    public Chunker() {
        this(1000, 200);
    }

    public Chunker(int maxChars, int overlapChars) {
        if (maxChars < 20 || overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("need maxChars >= 20 and 0 <= overlap < maxChars / 2");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    public List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int len = text.length();
        int start = skipSpace(text, 0);
        if (start >= len) {
            return spans;
        }
        List<Integer> sentences = boundaries(BreakIterator.getSentenceInstance(Locale.ROOT), text);
        List<Integer> words = boundaries(BreakIterator.getWordInstance(Locale.ROOT), text);
        while (start < len) {
            int end = len - start <= maxChars ? len : cutPoint(sentences, words, start, start + maxChars);
            spans.add(span(text, spans.size(), start, end));
            if (end >= len) {
                break;
            }
            int next = restartPoint(sentences, words, start, end);
            start = skipSpace(text, next);
        }
        return spans;
    }

    /** The last sentence boundary, else word boundary, inside (start, limit]; a hard cut if none. */
    private int cutPoint(List<Integer> sentences, List<Integer> words, int start, int limit) {
        int minEnd = start + maxChars / 2; // don't make tiny chunks because of one long sentence after a short one
        int b = lastIn(sentences, minEnd, limit);
        if (b < 0) {
            b = lastIn(words, start + 1, limit);
        }
        return b < 0 ? limit : b;
    }

    /** Where the next chunk starts: a boundary about {@code overlapChars} before the end, always past start. */
    private int restartPoint(List<Integer> sentences, List<Integer> words, int start, int end) {
        if (overlapChars == 0) {
            return end;
        }
        int from = Math.max(start + 1, end - overlapChars);
        int b = firstIn(sentences, from, end - 1);
        if (b < 0) {
            b = firstIn(words, from, end - 1);
        }
        return b < 0 ? end : b;
    }

    private static Span span(String text, int ordinal, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new Span(ordinal, start, e, text.substring(start, e));
    }

    private static List<Integer> boundaries(BreakIterator it, String text) {
        it.setText(text);
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        return out;
    }

    private static int lastIn(List<Integer> sorted, int lo, int hi) {
        int best = -1;
        for (int b : sorted) {
            if (b > hi) {
                break;
            }
            if (b >= lo) {
                best = b;
            }
        }
        return best;
    }

    private static int firstIn(List<Integer> sorted, int lo, int hi) {
        for (int b : sorted) {
            if (b >= lo && b <= hi) {
                return b;
            }
            if (b > hi) {
                break;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}

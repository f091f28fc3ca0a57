package solo.memory.retrieval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import solo.memory.time.DateRange;
import solo.memory.time.TimeExpressions;

/**
 * What a question says besides its words: which known speakers it names and which dates it asks
 * about. Speakers and dates are matched on metadata; the rest of the question ({@link #content()})
 * is what its meaning is matched on, because a name in the embedded text pulls towards every
 * message that merely greets that person.
 *
 * @param text     the question as asked
 * @param content  the question without the speaker names (the text itself when nothing is left)
 * @param speakers lower-cased name tokens of known speakers the question mentions
 * @param dates    dates the question names
 */
public record QueryAnalysis(String text, String content, Set<String> speakers, List<DateRange> dates) {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'s)?");

    public static QueryAnalysis of(String text, Collection<String> knownAuthors) {
        Set<String> nameTokens = new TreeSet<>();
        for (String author : knownAuthors) {
            nameTokens.addAll(nameTokens(author));
        }
        Set<String> speakers = new TreeSet<>();
        List<String> kept = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        int last = 0;
        StringBuilder content = new StringBuilder();
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
            content.append(text, last, m.start());
            if (nameTokens.contains(bare)) {
                speakers.add(bare);
            } else {
                content.append(m.group());
                kept.add(bare);
            }
            last = m.end();
        }
        content.append(text.substring(last));
        String c = content.toString().replaceAll("\\s+", " ").trim();
        return new QueryAnalysis(text, kept.isEmpty() ? text : c, speakers, TimeExpressions.inQuery(text));
    }

    /** Name tokens worth matching: at least two letters, lower-cased. */
    static List<String> nameTokens(String author) {
        List<String> out = new ArrayList<>();
        for (String t : author.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (t.length() > 1) {
                out.add(t);
            }
        }
        return out;
    }

    /** True when the author is one of the speakers the question names. */
    boolean names(String author) {
        if (speakers.isEmpty() || author == null) {
            return false;
        }
        for (String t : nameTokens(author)) {
            if (speakers.contains(t)) {
                return true;
            }
        }
        return false;
    }
}

package solo.memory.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The analyzer for every text field: English stemming and stop words, Lucene's own. */
public final class MemoryAnalyzer {
    private MemoryAnalyzer() {}

    public static Analyzer create() {
        return new EnglishAnalyzer();
    }
}

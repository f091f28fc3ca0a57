package solo.memory.retrieval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import solo.memory.time.DateRange;

/** Metadata evidence added to the fused score: who wrote a chunk, and when it happened. */
final class Boosts {
    private Boosts() {}

    /** A question that names a speaker is most often about what that speaker said. */
    static void speaker(Candidates c, QueryAnalysis q, double boost) {
        if (boost == 0 || q.speakers().isEmpty()) {
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            if (q.names(c.facts[i].author())) {
                c.fused[i] += boost;
            }
        }
    }

    /** A question that names a date favours what was written then or talks about that day. */
    static void time(Candidates c, QueryAnalysis q, double boost) {
        if (boost == 0 || q.dates().isEmpty()) {
            return;
        }
        for (int i = 0; i < c.size(); i++) {
            if (matches(q, c.facts[i].time(), c.facts[i].mentioned())) {
                c.fused[i] += boost;
            }
        }
    }

    private static boolean matches(QueryAnalysis q, long time, java.util.List<DateRange> mentioned) {
        LocalDate written = Instant.ofEpochMilli(time).atZone(ZoneOffset.UTC).toLocalDate();
        for (DateRange asked : q.dates()) {
            if (asked.contains(written)) {
                return true;
            }
            for (DateRange m : mentioned) {
                if (asked.overlaps(m)) {
                    return true;
                }
            }
        }
        return false;
    }
}

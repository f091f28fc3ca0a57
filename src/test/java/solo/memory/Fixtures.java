package solo.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import solo.memory.ingest.MemoryDocument;

/** Small corpora for memory tests. */
public final class Fixtures {
    private Fixtures() {}

    public static MemoryDocument doc(String id, String entity, String author, String thread, String text) {
        return new MemoryDocument(id, List.of(entity), "message", author, Instant.parse("2024-03-01T10:00:00Z"),
                thread, "", text);
    }

    /** Three entities whose documents share vocabulary, so a leak across scopes would show. */
    public static List<MemoryDocument> threeCustomers() {
        List<MemoryDocument> docs = new ArrayList<>();
        String[] entities = {"customer-a", "customer-b", "customer-c"};
        String[] topics = {
            "invoice overdue payment reminder", "pricing proposal discount", "project kickoff meeting notes",
            "contract renewal terms", "support ticket login error", "website redesign feedback"
        };
        for (String e : entities) {
            for (int i = 0; i < topics.length; i++) {
                docs.add(doc(e + "/msg-" + i, e, i % 2 == 0 ? "Ana" : "Ben", e + "/thread-" + (i / 3),
                        "About the " + topics[i] + " for " + e + ": we discussed the " + topics[i] + " again."));
            }
        }
        return docs;
    }
}

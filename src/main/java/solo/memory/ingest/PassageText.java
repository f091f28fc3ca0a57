package solo.memory.ingest;

import solo.memory.index.Chunk;

/**
 * The text an embedding model sees for a chunk. The speaker and title go in because questions name
 * people and subjects; the previous turn goes in the context variant because a reply ("yes, last
 * Saturday!") means little without what it answers.
 */
final class PassageText {
    private PassageText() {}

    static String of(Chunk c) {
        StringBuilder sb = new StringBuilder();
        if (!c.title().isEmpty()) {
            sb.append(c.title()).append(". ");
        }
        if (!c.author().isEmpty()) {
            sb.append(c.author()).append(": ");
        }
        return sb.append(c.text()).toString();
    }

    static String inContext(Chunk previous, Chunk c) {
        return previous == null ? of(c) : of(previous) + "\n" + of(c);
    }
}

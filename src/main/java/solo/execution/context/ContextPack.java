package solo.execution.context;

/**
 * A context pack as an agent step uses it: its text (rendered into the prompt as {@code {{context}}}) and
 * whether retrieval found little, a signal that lowers the output's confidence.
 */
public record ContextPack(String text, boolean retrievalFoundLittle) {
    /** No subject, so nothing was looked for (and nothing was missed). */
    public static final ContextPack NONE = new ContextPack("", false);

    public ContextPack {
        text = text == null ? "" : text;
    }

    /** About four characters a token: how the runtime records a pack's size. */
    public int approximateTokens() {
        return (text.length() + 3) / 4;
    }
}

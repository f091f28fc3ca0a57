package solo.memory.pack;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Real token counts (cl100k_base, the tokenizer of the common OpenAI-compatible models; others differ by a
 * few percent, which the budget's margin is for).
 */
public final class Tokens {
    private static final Encoding ENCODING = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private Tokens() {}

    public static int count(String text) {
        return text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }

    /** The longest prefix of {@code text} within {@code max} tokens, cut at a token boundary. */
    public static String cut(String text, int max) {
        if (max <= 0) {
            return "";
        }
        EncodingResult r = ENCODING.encodeOrdinary(text, max);
        return r.isTruncated() ? ENCODING.decode(r.getTokens()) : text;
    }
}

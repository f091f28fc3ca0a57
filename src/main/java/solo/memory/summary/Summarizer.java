package solo.memory.summary;

import java.util.Optional;

/**
 * Writes the text of a summary. Memory's own is the deterministic {@link #DIGEST}; {@code solo.app.Solo}
 * plugs in one that asks the {@code summarizer} agent (fast tier) when a model serves that tier, and
 * falls back to the digest when it cannot answer. Memory does not know about agents: this is the seam.
 */
public interface Summarizer {

    /** Who wrote the summary, recorded with it: {@code digest}, {@code agent:summarizer}. */
    String name();

    /** The summary's text, or empty to fall back to the digest. */
    Optional<String> summarize(SummaryInput input);

    Summarizer DIGEST = new Summarizer() {
        @Override
        public String name() {
            return "digest";
        }

        @Override
        public Optional<String> summarize(SummaryInput input) {
            return Optional.of(input.digest());
        }
    };
}

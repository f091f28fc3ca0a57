package solo.state.audit;

/**
 * The outcome of walking the event chain.
 *
 * @param events how many events were checked
 * @param firstBrokenSeq the sequence number of the first event that does not verify, or 0 if none
 * @param problem what is wrong with it, in words; null when the chain holds
 */
public record ChainReport(long events, long firstBrokenSeq, String problem) {
    public boolean ok() {
        return problem == null;
    }

    @Override
    public String toString() {
        return ok() ? "chain verified: " + events + " events, every hash holds"
                : "chain broken at event " + firstBrokenSeq + ": " + problem;
    }
}

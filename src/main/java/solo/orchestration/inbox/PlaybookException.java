package solo.orchestration.inbox;

import java.util.List;
import solo.support.SoloException;

/** Playbook files that break their rules; each problem names file:line:column. The message is the first. */
public final class PlaybookException extends SoloException {
    private final List<String> problems;

    public PlaybookException(List<String> problems) {
        super(problems.getFirst() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

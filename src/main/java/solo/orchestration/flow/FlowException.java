package solo.orchestration.flow;

import java.util.List;
import solo.support.SoloException;

/** A flow file that breaks its rules; each problem names file:line:column. The message is the first. */
public final class FlowException extends SoloException {
    private final List<String> problems;

    public FlowException(List<String> problems) {
        super(problems.getFirst() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public FlowException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}

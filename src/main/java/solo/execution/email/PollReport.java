package solo.execution.email;

import java.util.List;

/** One poll of the inbound source: what was stored, what was known already, what could not be read. */
public record PollReport(String source, List<EmailReceived> stored, int known, List<String> problems) {
    public String summary() {
        return source + ": " + stored.size() + " new, " + known + " already known"
                + (problems.isEmpty() ? "" : ", " + problems.size() + " unreadable");
    }
}

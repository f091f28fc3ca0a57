package solo.state.internal;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;
import solo.state.Change;
import solo.state.RefusedWriteException;
import solo.support.Json;

/** Applies {@link Change.RecordEvent}: an event of its own, checked so that it cannot pass for a state change. */
final class RecordedEvents {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}(\\.[a-z][a-z0-9_]{0,31}){1,3}");
    private static final Set<String> RESERVED = Set.of("entity", "link", "artifact");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_.:\\[\\]/-]{1,200}");

    void record(Applying a, Change.RecordEvent c) throws SQLException {
        if (!KIND.matcher(c.kind()).matches()) {
            throw new RefusedWriteException("event kind '" + c.kind() + "' must be lower-case words joined by dots"
                    + " (like inbox.approved)");
        }
        String domain = c.kind().substring(0, c.kind().indexOf('.'));
        if (RESERVED.contains(domain)) {
            throw new RefusedWriteException("event kind '" + c.kind() + "' is reserved: " + domain
                    + " events are written by the state's own changes");
        }
        if (!SUBJECT.matcher(c.subject()).matches()) {
            throw new RefusedWriteException("event subject '" + c.subject() + "' must be an id (letters, digits, '_', '.', ':', '/', '-')");
        }
        if (c.data() != null && !c.data().isObject()) {
            throw new RefusedWriteException("event data must be a JSON object");
        }
        a.record(c.kind(), c.subject(), c.subjectType(), null, null, null, c.data() == null ? null : Json.write(c.data()));
    }
}

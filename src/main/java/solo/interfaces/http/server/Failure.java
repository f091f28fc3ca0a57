package solo.interfaces.http.server;

import io.javalin.http.HttpResponseException;
import solo.orchestration.flow.FlowException;
import solo.orchestration.runtime.IllegalTransitionException;
import solo.orchestration.runtime.StaleRunException;
import solo.state.InvalidEntityException;
import solo.state.NotFoundException;
import solo.state.StaleVersionException;
import solo.state.Violation;
import solo.state.storage.StorageException;
import solo.support.SoloException;

/**
 * An error as the client sees it: status, one-line message, the field to blame. Solo's own exceptions
 * carry messages written for the operator, so they are passed on; anything else is a bug and the
 * client gets a generic line (the stack trace goes to the log, never to the client).
 *
 * @param fieldPrefix where the entity body sits in the request ({@code /body}), for schema violations
 */
public record Failure(int status, String message, String field) {

    public static Failure of(Exception e, String fieldPrefix) {
        return switch (e) {
            case ApiError a -> new Failure(a.status(), a.getMessage(), a.field());
            case InvalidEntityException i -> new Failure(400, i.getMessage(), i.violations().isEmpty() ? null
                    : fieldPrefix + field(i.violations().getFirst()));
            case StaleVersionException s -> new Failure(409, s.getMessage(), "/version");
            case NotFoundException n -> new Failure(404, n.getMessage(), null);
            case StaleRunException s -> new Failure(409, s.getMessage(), null);
            case IllegalTransitionException t -> new Failure(409, t.getMessage(), null);
            case FlowException f -> new Failure(400, f.getMessage(), null);
            case StorageException s -> new Failure(503, "the database is not available; try again shortly", null);
            case HttpResponseException h -> new Failure(h.getStatus(), h.getMessage(), null);
            case SoloException s -> new Failure(400, s.getMessage(), null);
            default -> new Failure(500, "internal error; the server's log has the details", null);
        };
    }

    private static String field(Violation v) {
        return v.field() == null ? "" : v.field();
    }

    public boolean isBug() {
        return status >= 500;
    }
}

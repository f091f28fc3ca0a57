package solo.interfaces.http.server;

/**
 * A refusal with its HTTP status, sent as {@code {"error": {"status", "message", "field"}}}; {@code field}
 * is a JSON pointer into the request body (or the name of a query parameter), null when no one field is to blame.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    public ApiError(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public ApiError(int status, String message) {
        this(status, message, null);
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, message, field);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}

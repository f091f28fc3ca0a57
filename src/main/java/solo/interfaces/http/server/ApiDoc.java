package solo.interfaces.http.server;

import java.util.ArrayList;
import java.util.List;

/**
 * What the OpenAPI document says about one API route: a summary, its tag, query parameters, the schema
 * of the request body and of the answer, and the errors it may give. Path parameters come from the path.
 */
public record ApiDoc(String summary, String tag, List<Param> query, String requestSchema, int status,
        String responseSchema, String mediaType, List<Integer> errors) {

    /** A query parameter; {@code type} is an OpenAPI type (string, integer, boolean). */
    public record Param(String name, String type, String description) {}

    public static ApiDoc of(String tag, String summary) {
        return new ApiDoc(summary, tag, List.of(), null, 200, null, "application/json", List.of());
    }

    public ApiDoc query(String name, String type, String description) {
        List<Param> q = new ArrayList<>(query);
        q.add(new Param(name, type, description));
        return new ApiDoc(summary, tag, List.copyOf(q), requestSchema, status, responseSchema, mediaType, errors);
    }

    public ApiDoc body(String schema) {
        return new ApiDoc(summary, tag, query, schema, status, responseSchema, mediaType, errors);
    }

    public ApiDoc returns(int code, String schema) {
        return new ApiDoc(summary, tag, query, requestSchema, code, schema, mediaType, errors);
    }

    public ApiDoc as(String type) {
        return new ApiDoc(summary, tag, query, requestSchema, status, responseSchema, type, errors);
    }

    public ApiDoc errors(Integer... codes) {
        List<Integer> e = new ArrayList<>(errors);
        e.addAll(List.of(codes));
        return new ApiDoc(summary, tag, query, requestSchema, status, responseSchema, mediaType, List.copyOf(e));
    }
}

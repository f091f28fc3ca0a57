package solo.interfaces.http.server;

/** Which paths are for programs (JSON errors, 401) and which for people (HTML, a redirect to the login page). */
public final class Paths {
    private Paths() {}

    public static boolean isMachine(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/hooks/") || path.equals("/metrics")
                || path.equals("/openapi.json") || path.startsWith("/mcp");
    }
}

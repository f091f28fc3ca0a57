package solo.interfaces.http.auth;

/**
 * A cockpit session: opened by the login page in exchange for the access token, carried by an HttpOnly,
 * SameSite=Strict cookie. {@code csrf} goes into every form and htmx request the session's pages make.
 *
 * @param tokenSha256 the token it was opened with: replacing the token ends the session
 */
public record Session(String id, String csrf, String tokenSha256, long createdAt) {}

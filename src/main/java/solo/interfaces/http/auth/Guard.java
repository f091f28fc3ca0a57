package solo.interfaces.http.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import solo.interfaces.http.server.Access;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Paths;
import solo.interfaces.http.server.ServerKeys;

/**
 * Runs before every matched route. A route for the operator needs either {@code Authorization: Bearer
 * TOKEN} or a session cookie; a session's writes (anything but GET and HEAD) must also carry the session's
 * CSRF token, in the {@code X-CSRF-Token} header (htmx) or the {@code _csrf} form field, else 403. The
 * cookie is never enough on its own to change anything: that is what a cross-site request would carry.
 */
public final class Guard {
    public static final String COOKIE = "solo_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    /** The request's session (absent for bearer-token callers); pages read its CSRF token from here. */
    public static final String SESSION = "solo.session";

    private final AccessTokens tokens;
    private final Sessions sessions;

    public Guard(AccessTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (auth.regionMatches(true, 0, "Bearer ", 0, 7) && tokens.matches(auth.substring(7).trim())) {
                refuseOversized(ctx);
                return;
            }
            throw new ApiError(401, "the Authorization header holds no valid token (give: Bearer TOKEN; "
                    + "solo token new makes one)");
        }
        Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            if (!Paths.isMachine(ctx.path()) && ctx.method() == HandlerType.GET) {
                ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path() + query(ctx), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ApiError(401, "this needs the access token: Authorization: Bearer TOKEN (solo token new makes one)");
        }
        Session s = session.get();
        refuseOversized(ctx);
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String given = ctx.header(CSRF_HEADER);
            if (given == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
                given = ctx.formParam(CSRF_FIELD);
            }
            if (!Sessions.csrfMatches(s, given)) {
                throw new ApiError(403, "missing or wrong CSRF token: reload the page and try again");
            }
        }
        ctx.attribute(SESSION, s);
    }

    /**
     * A body declared larger than {@code server.max_body_bytes} is refused before any handler runs, whatever the
     * route (so no handler answers 404 or 409 about a request it should not have read); a body that does not
     * declare its length is cut at the same size when it is read ({@code Requests.body}).
     */
    private static void refuseOversized(Context ctx) {
        Long max = ctx.appData(ServerKeys.MAX_BODY);
        if (max != null && ctx.req().getContentLengthLong() > max) {
            throw new ApiError(413, "request body is larger than " + max + " bytes");
        }
    }

    private static String query(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }
}

package solo.interfaces.http.server;

import io.javalin.security.RouteRole;

/** Who may call a route; every route declares one, and the guard checks it before the handler runs. */
public enum Access implements RouteRole {
    /** The operator: a bearer token, or the cockpit's session cookie (with its CSRF token on writes). */
    OPERATOR,
    /** Anyone: the login page, static assets, and webhooks (whose HMAC signature is their credential). */
    PUBLIC
}

package solo.interfaces.http.server;

import io.javalin.config.Key;

/** Values every handler may read from the server ({@code ctx.appData(ServerKeys.MAX_BODY)}). */
public final class ServerKeys {
    private ServerKeys() {}

    /** The largest request body taken, in bytes. */
    public static final Key<Long> MAX_BODY = new Key<>("solo.max-body");
}

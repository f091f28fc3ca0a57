package solo.interfaces.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import solo.execution.webhook.HookVerdict;
import solo.execution.webhook.Webhooks;
import solo.interfaces.http.server.Access;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Route;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /hooks/NAME}: no access token (the sender does not have it); the HMAC signature of the
 * body is the credential, checked by {@link Webhooks#receive}. At most {@code max_body_bytes + 1} bytes
 * are read, so an oversized body costs nothing and is refused with 413.
 */
public final class HookApi implements WebModule {
    private final Webhooks webhooks;

    public HookApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void register(Routes r) {
        r.add(new Route(HandlerType.POST, "/hooks/{name}", Access.PUBLIC, this::receive, ApiDoc.of("webhooks",
                "Deliver to an inbound hook of solo.yaml: signed with HMAC-SHA256 of the body (X-Solo-Signature:"
                        + " sha256=HEX), with a delivery id (X-Solo-Delivery); 202 accepted, 200 replayed")
                .body("object").returns(202, "HookAnswer").errors(400, 401, 404, 413)));
    }

    private void receive(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        OptionalInt max = webhooks.maxBodyBytes(name);
        if (max.isEmpty()) {
            throw ApiError.notFound("no hook named '" + name + "'");
        }
        if (ctx.req().getContentLengthLong() > max.getAsInt()) {
            throw new ApiError(413, "body is larger than hook '" + name + "' takes (" + max.getAsInt() + " bytes)");
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(max.getAsInt() + 1);
        }
        HookVerdict v = webhooks.receive(name, ctx.headerMap(), body);
        switch (v) {
            case HookVerdict.Accepted a -> answer(ctx, 202, Json.object().put("status", "accepted")
                    .put("delivery_id", a.delivery().deliveryId()));
            case HookVerdict.Replayed p -> answer(ctx, 200, Json.object().put("status", "replayed")
                    .put("delivery_id", p.deliveryId()).put("first_received_at", p.firstReceivedAt().toString()));
            case HookVerdict.Refused f -> throw new ApiError(f.status(), f.reason());
        }
    }

    private static void answer(Context ctx, int status, ObjectNode body) {
        ctx.status(status).json(body);
    }
}

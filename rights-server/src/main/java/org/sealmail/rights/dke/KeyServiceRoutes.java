package org.sealmail.rights.dke;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.sealmail.rights.http.HttpResponses;
import org.sealmail.rights.http.KeysJson;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.keys.ServerKeyRing;

/** The key service's HTTP API: {@code GET /api/v1/keys}, {@code GET /api/v1/health}, {@code POST /api/v1/unwrap}. */
public final class KeyServiceRoutes {

    private final KeyService service;
    private final ServerKeyRing keys;

    /**
     * @param service the key service
     * @param keys its keys
     */
    public KeyServiceRoutes(KeyService service, ServerKeyRing keys) {
        this.service = service;
        this.keys = keys;
    }

    /** @param routes where to add the endpoints */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/health", ctx -> HttpResponses.json(ctx, 200, Map.of("status", "ok")));
        routes.get("/api/v1/keys", ctx -> HttpResponses.json(ctx, 200, KeysJson.of(keys)));
        routes.post("/api/v1/unwrap", ctx -> {
            JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
            String share = service.unwrapShare(body.string("use_license"), body.object("device_key").asMap());
            HttpResponses.json(ctx, 200, Map.of("share_b", share));
        });
    }
}

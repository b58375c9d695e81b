package org.sealmail.rights.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sealmail.rights.auth.SenderRequest;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.keys.ServerKeyRing;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.service.Caller;
import org.sealmail.rights.service.RecipientService;
import org.sealmail.rights.service.SenderService;
import org.sealmail.rights.store.StoredMessage;

/** The JSON API of the rights server (docs/rights-server-api.md §1-§7). */
public final class ApiRoutes {

    private static final Pattern CID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Clock clock;
    private final String publicUrl;
    private final ServerKeyRing keys;
    private final SenderService senders;
    private final RecipientService recipients;

    /**
     * @param clock time source
     * @param publicUrl this server's public URL
     * @param keys the server's keys
     * @param senders sender operations
     * @param recipients recipient operations
     */
    public ApiRoutes(Clock clock, String publicUrl, ServerKeyRing keys, SenderService senders, RecipientService recipients) {
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.keys = keys;
        this.senders = senders;
        this.recipients = recipients;
    }

    /** @param routes where to add the endpoints */
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/health", ctx -> HttpResponses.json(ctx, 200, Map.of("status", "ok")));
        routes.get("/api/v1/keys", ctx -> HttpResponses.json(ctx, 200, KeysJson.of(keys)));
        routes.post("/api/v1/messages", this::register);
        routes.get("/api/v1/messages/{cid}", ctx -> status(ctx, senders.status(authorization(ctx), request(ctx))));
        routes.post("/api/v1/messages/{cid}/revoke", ctx -> status(ctx, senders.revoke(authorization(ctx), request(ctx))));
        routes.put("/api/v1/messages/{cid}/expiry", ctx -> status(ctx, senders.setExpiry(authorization(ctx), request(ctx))));
        routes.get("/api/v1/messages/{cid}/access-log", ctx -> HttpResponses.json(ctx, 200, MessageJson.accessLog(cid(ctx),
                senders.accessLog(authorization(ctx), request(ctx)), clock.instant())));
        routes.post("/api/v1/messages/{cid}/passcode", this::passcode);
        routes.post("/api/v1/messages/{cid}/session", this::session);
        routes.post("/api/v1/messages/{cid}/use-license", this::useLicense);
    }

    private void register(Context ctx) {
        SenderService.Registration registration = senders.register(authorization(ctx), ctx.method().name(), ctx.path(),
                ctx.bodyAsBytes());
        ctx.header("Location", "/api/v1/messages/" + registration.message().cid());
        HttpResponses.json(ctx, registration.created() ? 201 : 200, MessageJson.status(registration.message(), publicUrl));
    }

    private void status(Context ctx, StoredMessage message) {
        HttpResponses.json(ctx, 200, MessageJson.status(message, publicUrl));
    }

    private void passcode(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        String licensee = body.string("licensee");
        var expiresAt = recipients.requestPasscode(cid(ctx), licensee, caller(ctx, body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("licensee", licensee.trim().toLowerCase(java.util.Locale.ROOT));
        json.put("expires_at", expiresAt.getEpochSecond());
        HttpResponses.json(ctx, 202, json);
    }

    private void session(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        RecipientService.RecipientSession session = recipients.signIn(cid(ctx), body.string("licensee"),
                body.string("passcode"), caller(ctx, body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session", session.token());
        json.put("licensee", session.licensee());
        json.put("expires_at", session.expiresAt().getEpochSecond());
        HttpResponses.json(ctx, 200, json);
    }

    private void useLicense(Context ctx) {
        JsonBody body = JsonBody.parse(ctx.bodyAsBytes());
        Optional<String> token = Optional.ofNullable(ctx.header("Authorization"))
                .filter(value -> value.startsWith("Bearer ")).map(value -> value.substring("Bearer ".length()).trim());
        RecipientService.IssuedUseLicense issued = recipients.issueUseLicense(cid(ctx), token,
                body.object("device_key").asMap(), caller(ctx, body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("use_license", issued.useLicense());
        json.put("not_after", issued.notAfter().getEpochSecond());
        json.put("rights", issued.rights().names());
        HttpResponses.json(ctx, 200, json);
    }

    private static SenderRequest request(Context ctx) {
        return new SenderRequest(ctx.method().name(), ctx.path(), cid(ctx), ctx.bodyAsBytes());
    }

    private static Optional<String> authorization(Context ctx) {
        return Optional.ofNullable(ctx.header("Authorization"));
    }

    private static Caller caller(Context ctx, JsonBody body) {
        return new Caller(Caller.API, body.optionalString("client").or(() -> Optional.ofNullable(ctx.userAgent())));
    }

    /**
     * @param ctx a request with a {@code {cid}} path parameter
     * @return the content id
     * @throws RightsProblem UNKNOWN_MESSAGE if it is not a UUID
     */
    static String cid(Context ctx) {
        String cid = ctx.pathParam("cid");
        if (!CID.matcher(cid).matches()) {
            throw new RightsProblem(ProblemReason.UNKNOWN_MESSAGE, "'" + cid.replaceAll("[^\\w-]", "?")
                    + "' is not a content id (a UUID)");
        }
        return cid.toLowerCase(java.util.Locale.ROOT);
    }
}

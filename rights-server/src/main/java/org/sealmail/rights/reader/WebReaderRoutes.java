package org.sealmail.rights.reader;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;
import org.sealmail.rights.service.Caller;
import org.sealmail.rights.service.RecipientService;
import org.sealmail.rights.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web reader (docs/rights-server-api.md §8): GET pages only show forms; sending and consuming
 * a passcode happen on deliberate form POSTs; the session is an HttpOnly, Secure, SameSite=Strict
 * cookie; every view checks revocation and expiry and is logged.
 */
public final class WebReaderRoutes {

    /** The session cookie's name. */
    public static final String COOKIE = "sealmail_reader";

    private static final Logger LOG = LoggerFactory.getLogger(WebReaderRoutes.class);
    private static final Pattern CID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Clock clock;
    private final RecipientService recipients;
    private final Duration sessionTtl;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param clock time source (for showing expiry before sign-in)
     * @param recipients recipient operations
     * @param sessionTtl session lifetime (the cookie's Max-Age)
     */
    public WebReaderRoutes(Clock clock, RecipientService recipients, Duration sessionTtl) {
        this.clock = clock;
        this.recipients = recipients;
        this.sessionTtl = sessionTtl;
    }

    /** @param routes where to add the pages */
    public void addTo(RoutesConfig routes) {
        routes.get("/m/{cid}", this::signInPage);
        routes.post("/m/{cid}/passcode", this::sendPasscode);
        routes.post("/m/{cid}/sign-in", this::signIn);
        routes.get("/m/{cid}/read", this::read);
    }

    private void signInPage(Context ctx) {
        handle(ctx, () -> {
            StoredMessage message = recipients.message(cid(ctx));
            ReaderBranding branding = ReaderBranding.fromStored(message.branding());
            if (message.revokedAt().isPresent()) {
                return refusal(new RightsProblem(ProblemReason.REVOKED, "The sender revoked this message at "
                        + message.revokedAt().get() + message.revocationReason().map(reason -> ": " + reason).orElse(".")), branding);
            }
            if (message.isExpiredAt(clock.instant())) {
                return refusal(new RightsProblem(ProblemReason.EXPIRED, "This message expired at " + message.notAfter().get()
                        + "."), branding);
            }
            return ReaderPages.signIn(message.cid(), message.issuer(), branding, Optional.empty());
        });
    }

    private void sendPasscode(Context ctx) {
        handle(ctx, () -> {
            String cid = cid(ctx);
            StoredMessage message = recipients.message(cid);
            ReaderBranding branding = ReaderBranding.fromStored(message.branding());
            String licensee = Optional.ofNullable(ctx.formParam("licensee")).orElse("").trim();
            try {
                recipients.requestPasscode(cid, licensee, caller(ctx));
            } catch (RightsProblem e) {
                if (e.reason() == ProblemReason.NOT_A_RECIPIENT) {
                    ctx.status(e.reason().status());
                    return ReaderPages.signIn(cid, message.issuer(), branding, Optional.of(
                            "This message was not sent to " + licensee + ". Use the address it was sent to."));
                }
                throw e;
            }
            return ReaderPages.passcode(cid, licensee.toLowerCase(java.util.Locale.ROOT), branding, Optional.empty());
        });
    }

    private void signIn(Context ctx) {
        handle(ctx, () -> {
            String cid = cid(ctx);
            StoredMessage message = recipients.message(cid);
            ReaderBranding branding = ReaderBranding.fromStored(message.branding());
            String licensee = Optional.ofNullable(ctx.formParam("licensee")).orElse("");
            String code = Optional.ofNullable(ctx.formParam("passcode")).orElse("");
            RecipientService.RecipientSession session;
            try {
                session = recipients.signIn(cid, licensee, code, caller(ctx));
            } catch (RightsProblem e) {
                if (e.reason() == ProblemReason.PASSCODE_WRONG || e.reason() == ProblemReason.PASSCODE_EXPIRED) {
                    ctx.status(e.reason().status());
                    return ReaderPages.passcode(cid, licensee, branding, Optional.of(e.getMessage()));
                }
                throw e;
            }
            ctx.header("Set-Cookie", COOKIE + "=" + session.token() + "; Path=/m/; Max-Age=" + sessionTtl.toSeconds()
                    + "; Secure; HttpOnly; SameSite=Strict");
            ctx.redirect("/m/" + cid + "/read", io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        });
    }

    private void read(Context ctx) {
        handle(ctx, () -> {
            String cid = cid(ctx);
            RecipientService.WebView view;
            try {
                view = recipients.view(cid, Optional.ofNullable(ctx.cookie(COOKIE)), caller(ctx));
            } catch (RightsProblem e) {
                if (e.reason() == ProblemReason.SESSION_INVALID) {
                    StoredMessage message = recipients.message(cid);
                    ctx.status(401);
                    return ReaderPages.signIn(cid, message.issuer(), ReaderBranding.fromStored(message.branding()),
                            Optional.of("Sign in with a passcode to read this message."));
                }
                throw e;
            }
            String nonce = nonce();
            ctx.header("Content-Security-Policy", policy("'nonce-" + nonce + "'"));
            RenderedMessage rendered = RenderedMessage.of(view.content());
            return ReaderPages.message(rendered, view.licensee(), view.rights(), ReaderBranding.fromStored(view.message().branding()),
                    nonce);
        });
    }

    private interface Page {
        String render();
    }

    private void handle(Context ctx, Page page) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", policy("'none'"));
        String html;
        try {
            html = page.render();
        } catch (RightsProblem e) {
            ctx.status(e.reason().status());
            html = refusal(e, Optional.ofNullable(safeBranding(ctx)).orElse(ReaderBranding.NONE));
        } catch (RuntimeException e) {
            LOG.error("web reader failed on {}", ctx.path(), e);
            ctx.status(500);
            html = ReaderPages.refused("Something went wrong", "The message cannot be shown right now.", ReaderBranding.NONE);
        }
        if (html != null) {
            ctx.contentType("text/html; charset=UTF-8").result(html);
        }
    }

    private ReaderBranding safeBranding(Context ctx) {
        try {
            return ReaderBranding.fromStored(recipients.message(cid(ctx)).branding());
        } catch (RuntimeException e) {
            return ReaderBranding.NONE;
        }
    }

    private static String refusal(RightsProblem problem, ReaderBranding branding) {
        String title = switch (problem.reason()) {
            case REVOKED -> "This message was revoked";
            case EXPIRED -> "This message has expired";
            case UNKNOWN_MESSAGE -> "Message not found";
            case PASSCODE_LOCKED -> "Too many wrong passcodes";
            case PASSCODE_RATE_LIMITED -> "Too many passcodes requested";
            default -> problem.reason().title();
        };
        return ReaderPages.refused(title, problem.getMessage(), branding);
    }

    private static String policy(String script) {
        return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none';"
                + " base-uri 'none'; script-src " + script;
    }

    private String nonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Caller caller(Context ctx) {
        return new Caller(Caller.WEB, Optional.ofNullable(ctx.userAgent()).map(agent -> "web reader: " + agent));
    }

    private static String cid(Context ctx) {
        String cid = ctx.pathParam("cid");
        if (!CID.matcher(cid).matches()) {
            throw new RightsProblem(ProblemReason.UNKNOWN_MESSAGE, "This link does not name a protected message.");
        }
        return cid;
    }
}

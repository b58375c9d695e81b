package org.sealmail.app.ui.reader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sealmail.crypto.rights.UsageRight;

/** Opened messages for reader tests, one per protection case. */
public final class SampleMessages {

    /** The instant the tests treat as "now". */
    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    /** The secret text inside protected samples. */
    public static final String SECRET = "Quarterly numbers: revenue 4.2M, do not share";

    /** Rights of the built-in Do Not Forward template (DESIGN.md). */
    public static final Set<UsageRight> DO_NOT_FORWARD = EnumSet.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL);
    /** Rights of the built-in Encrypt template (DESIGN.md): all but OWNER/EXPORT. */
    public static final Set<UsageRight> ENCRYPT = EnumSet.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL,
            UsageRight.FORWARD, UsageRight.EXTRACT, UsageRight.PRINT);

    private SampleMessages() {
    }

    public static OpenedMessage plain() {
        return new OpenedMessage(1, "Alice <alice@example.org>", List.of("bob@example.org"), List.of(),
                "Lunch on Friday?", NOW.minusSeconds(3600), new ProtectionStatus.Unprotected(),
                List.of(DisplayPart.clearText("Hi Bob,\n\nlunch on Friday at noon?\n\nAlice")),
                List.of(new AttachmentInfo("menu.txt", "text/plain", 12, "Soup, bread.".getBytes(StandardCharsets.UTF_8))));
    }

    public static OpenedMessage html(String html) {
        return new OpenedMessage(2, "News <news@example.com>", List.of("bob@example.org"), List.of(),
                "Newsletter", NOW.minusSeconds(7200), new ProtectionStatus.Unprotected(),
                List.of(new DisplayPart(DisplayPart.Format.HTML, html, DisplayPart.Origin.CLEAR, Map.of())), List.of());
    }

    public static OpenedMessage rightsProtected(String template, Set<UsageRight> rights) {
        return new OpenedMessage(3, "Alice <alice@example.org>", List.of("bob@example.org"), List.of(),
                "Board numbers", NOW.minusSeconds(600),
                new RightsProtection(template, "alice@example.org", rights,
                        Optional.of(Instant.parse("2026-12-31T23:00:00Z")), RightsProtection.Outcome.OPENED),
                List.of(new DisplayPart(DisplayPart.Format.HTML, "<p id=\"secret\">" + SECRET + "</p>",
                        DisplayPart.Origin.DECRYPTED, Map.of())),
                List.of(new AttachmentInfo("numbers.csv", "text/csv", 24,
                        "quarter,revenue\nQ3,4.2M\n".getBytes(StandardCharsets.UTF_8))));
    }

    public static OpenedMessage doNotForward() {
        return rightsProtected("Do Not Forward", DO_NOT_FORWARD);
    }

    public static OpenedMessage encrypt() {
        return rightsProtected("Encrypt", ENCRYPT);
    }

    public static OpenedMessage expired() {
        return new OpenedMessage(4, "Alice <alice@example.org>", List.of("bob@example.org"), List.of(),
                "Old board numbers", NOW.minusSeconds(90 * 86400L),
                new RightsProtection("Do Not Forward", "alice@example.org", DO_NOT_FORWARD,
                        Optional.of(Instant.parse("2026-10-01T00:00:00Z")), RightsProtection.Outcome.EXPIRED),
                List.of(new DisplayPart(DisplayPart.Format.PLAIN, SECRET, DisplayPart.Origin.DECRYPTED, Map.of())),
                List.of());
    }

    public static OpenedMessage smime(SignatureCheck signature) {
        return new OpenedMessage(5, "Alice <alice@example.org>", List.of("bob@example.org"), List.of(),
                "Signed contract", NOW.minusSeconds(300),
                new SmimeProtection(Optional.of(signature), Optional.empty()),
                List.of(new DisplayPart(DisplayPart.Format.PLAIN, "The contract is attached.", DisplayPart.Origin.SIGNED, Map.of())),
                List.of());
    }

    public static SignatureCheck validSignature() {
        return new SignatureCheck(SignatureCheck.Outcome.VERIFIED, "Alice Example", "alice@example.org", true, true, true, "");
    }
}

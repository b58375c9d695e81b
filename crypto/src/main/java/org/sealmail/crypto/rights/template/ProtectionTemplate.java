package org.sealmail.crypto.rights.template;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;

/**
 * A named set of rights applied when protecting a message: the rights for everyone, rules
 * for particular addresses or domains, an expiry and an offline-access period. The two
 * built-in templates are {@link #ENCRYPT} and {@link #DO_NOT_FORWARD}; custom ones come from
 * a file ({@link ProtectionTemplateFile}).
 *
 * @param id stable identifier written into publishing licenses ({@code encrypt}, {@code do-not-forward}, {@code custom:...})
 * @param name the name shown to users
 * @param everyone rights for recipients no rule matches; may be empty (then only rule matches are licensed)
 * @param rules address and domain rules; an address rule wins over a domain rule, which wins over {@code everyone}
 * @param expiry when protected content stops opening
 * @param offlineDays how many days a use license is honoured offline after first open (0: open with the key every time)
 */
public record ProtectionTemplate(String id, String name, UsageRights everyone, List<RightsRule> rules, Expiry expiry,
        int offlineDays) {

    /** Offline-access period of the built-in templates, in days (Sealmail's choice). */
    public static final int DEFAULT_OFFLINE_DAYS = 30;

    /**
     * Encrypt: recipients can read, reply, reply all, forward, edit, copy and print, but cannot
     * remove protection: every right except EXPORT and OWNER.
     */
    public static final ProtectionTemplate ENCRYPT = new ProtectionTemplate("encrypt", "Encrypt",
            UsageRights.of(UsageRight.VIEW, UsageRight.EDIT, UsageRight.EXTRACT, UsageRight.PRINT, UsageRight.FORWARD,
                    UsageRight.REPLY, UsageRight.REPLYALL, UsageRight.VIEWRIGHTSDATA),
            List.of(), Expiry.NEVER, DEFAULT_OFFLINE_DAYS);

    /** Do Not Forward: VIEW, REPLY, REPLYALL only: no forward, copy, print, save-as or recipient changes. */
    public static final ProtectionTemplate DO_NOT_FORWARD = new ProtectionTemplate("do-not-forward", "Do Not Forward",
            UsageRights.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL), List.of(), Expiry.NEVER,
            DEFAULT_OFFLINE_DAYS);

    /** Checks the fields: non-blank id and name, offline days ≥ 0, every non-empty rights set includes VIEW. */
    public ProtectionTemplate {
        Objects.requireNonNull(everyone, "everyone");
        Objects.requireNonNull(expiry, "expiry");
        if (id == null || id.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a template needs an id and a name");
        }
        if (offlineDays < 0) {
            throw new IllegalArgumentException("offline days must be 0 or more");
        }
        rules = List.copyOf(rules);
        requireView(everyone, "everyone");
        for (RightsRule rule : rules) {
            requireView(rule.rights(), rule.match());
        }
    }

    private static void requireView(UsageRights rights, String who) {
        if (!rights.isEmpty() && !rights.contains(UsageRight.VIEW)) {
            throw new IllegalArgumentException("rights for " + who + " must include VIEW");
        }
    }

    /** @return the built-in templates, Encrypt first */
    public static List<ProtectionTemplate> builtIn() {
        return List.of(ENCRYPT, DO_NOT_FORWARD);
    }

    /** @return the built-in template with that id, if any */
    public static Optional<ProtectionTemplate> builtIn(String id) {
        return builtIn().stream().filter(template -> template.id().equals(id)).findFirst();
    }

    /**
     * The rights this template gives a recipient: the address rule that names it, else the
     * domain rule for its domain, else {@link #everyone()}.
     *
     * @param address the recipient's address
     * @return the rights; empty when the template licenses nobody of that address
     */
    public UsageRights rightsFor(String address) {
        for (RightsRule rule : rules) {
            if (!rule.isDomain() && rule.matches(address)) {
                return rule.rights();
            }
        }
        for (RightsRule rule : rules) {
            if (rule.isDomain() && rule.matches(address)) {
                return rule.rights();
            }
        }
        return everyone;
    }

    /**
     * @param protectedAt when the content is protected (UTC)
     * @return when it expires, or empty for never
     * @throws org.sealmail.crypto.CryptoException MALFORMED_INPUT if the expiry period is too long to represent
     */
    public Optional<Instant> notAfter(Instant protectedAt) {
        return expiry.notAfter(protectedAt);
    }
}

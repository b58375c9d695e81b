package org.sealmail.crypto.rights.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.Expiry;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.RightsRule;

/**
 * The rules for replies and forwards of a protected message (DESIGN.md "Rights enforcement"):
 * the response needs the matching right (Forward of a Do Not Forward message is refused); by
 * default it is protected with the original template; choosing weaker protection, or none,
 * asks for a warning first.
 */
public final class ProtectionPolicy {

    private ProtectionPolicy() {
    }

    /**
     * The default: respond with the original message's template.
     *
     * @param kind reply, reply all or forward
     * @param original the template of the received message (from its publishing license)
     * @param granted the rights the user was granted on it
     * @return PROTECT with the original template, or REFUSED if the right is missing
     */
    public static ResponseProtection respond(ResponseKind kind, ProtectionTemplate original, UsageRights granted) {
        return respondWith(kind, original, granted, Optional.of(original));
    }

    /**
     * The user chose the protection of the response.
     *
     * @param kind reply, reply all or forward
     * @param original the template of the received message
     * @param granted the rights the user was granted on it
     * @param chosen the template chosen for the response; empty to send it unprotected
     * @return REFUSED if the right is missing; WARN_DOWNGRADE if {@code chosen} is none, grants a right the
     *     original did not, removes the original's expiry, may expire later (a longer period, a later instant, or
     *     a period against an instant, which cannot be compared without the sending time) or allows longer offline
     *     access; else PROTECT
     */
    public static ResponseProtection respondWith(ResponseKind kind, ProtectionTemplate original, UsageRights granted,
            Optional<ProtectionTemplate> chosen) {
        if (!granted.allows(kind.requiredRight())) {
            return new ResponseProtection(ResponseProtection.Decision.REFUSED, Optional.empty(),
                    refusal(kind, original));
        }
        if (chosen.isEmpty()) {
            return new ResponseProtection(ResponseProtection.Decision.WARN_DOWNGRADE, Optional.empty(),
                    "the original is protected with '" + original.name() + "' but this would be sent without protection");
        }
        ProtectionTemplate template = chosen.get();
        if (template.id().equals(original.id())) {
            return new ResponseProtection(ResponseProtection.Decision.PROTECT, chosen,
                    "protected with '" + original.name() + "', like the original");
        }
        List<String> weaker = new ArrayList<>();
        UsageRights gained = allRights(template).minus(allRights(original));
        if (!gained.isEmpty()) {
            weaker.add("it grants " + gained + ", which '" + original.name() + "' withholds");
        }
        laterExpiry(original.expiry(), template.expiry()).ifPresent(weaker::add);
        if (template.offlineDays() > original.offlineDays()) {
            weaker.add("it allows " + template.offlineDays() + " days of offline access instead of " + original.offlineDays());
        }
        if (!weaker.isEmpty()) {
            return new ResponseProtection(ResponseProtection.Decision.WARN_DOWNGRADE, chosen, "'" + template.name()
                    + "' is weaker than the original's '" + original.name() + "': " + String.join("; ", weaker));
        }
        return new ResponseProtection(ResponseProtection.Decision.PROTECT, chosen,
                "protected with '" + template.name() + "', at least as strict as the original's '" + original.name() + "'");
    }

    /** @return why {@code chosen} may expire later than {@code original}, if it may */
    private static Optional<String> laterExpiry(Expiry original, Expiry chosen) {
        if (original instanceof Expiry.Never) {
            return Optional.empty();
        }
        if (chosen instanceof Expiry.Never) {
            return Optional.of("it never expires, the original does");
        }
        if (original instanceof Expiry.After before && chosen instanceof Expiry.After after) {
            return after.period().compareTo(before.period()) > 0
                    ? Optional.of("it expires " + after.period() + " after sending, the original " + before.period() + " after")
                    : Optional.empty();
        }
        if (original instanceof Expiry.At before && chosen instanceof Expiry.At after) {
            return after.at().isAfter(before.at())
                    ? Optional.of("it expires at " + after.at() + ", the original at " + before.at())
                    : Optional.empty();
        }
        return Optional.of("its expiry (" + describe(chosen) + ") may be later than the original's (" + describe(original) + ")");
    }

    private static String describe(Expiry expiry) {
        return expiry instanceof Expiry.After after ? after.period() + " after sending" : expiry.text();
    }

    private static String refusal(ResponseKind kind, ProtectionTemplate original) {
        String action = switch (kind) {
            case REPLY -> "replying";
            case REPLY_ALL -> "replying to all";
            case FORWARD -> "forwarding";
        };
        return "the sender's protection '" + original.name() + "' does not allow " + action + " (no "
                + kind.requiredRight() + " right)";
    }

    private static UsageRights allRights(ProtectionTemplate template) {
        List<UsageRight> rights = new ArrayList<>(template.everyone().asSet());
        for (RightsRule rule : template.rules()) {
            rights.addAll(rule.rights().asSet());
        }
        return UsageRights.of(rights);
    }
}

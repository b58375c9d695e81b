package org.sealmail.crypto.rights.template;

import java.util.Locale;
import java.util.Objects;
import org.sealmail.crypto.rights.UsageRights;

/**
 * Rights a template gives one address ({@code bob@example.org}) or every address of one
 * domain ({@code @example.org}, exact domain, no subdomains).
 *
 * @param match the address or {@code @domain}, lower case
 * @param rights the rights granted to matching recipients
 */
public record RightsRule(String match, UsageRights rights) {

    /** Lower-cases the match and checks it is an address or an {@code @domain}. */
    public RightsRule {
        Objects.requireNonNull(rights, "rights");
        match = match.trim().toLowerCase(Locale.ROOT);
        int at = match.indexOf('@');
        if (at < 0 || at != match.lastIndexOf('@') || at == match.length() - 1) {
            throw new IllegalArgumentException("expected an address or @domain, got '" + match + "'");
        }
    }

    /** @return true for a domain rule ({@code @example.org}) */
    public boolean isDomain() {
        return match.startsWith("@");
    }

    /**
     * @param address a recipient address, any case
     * @return true if this rule names that address, or its domain for a domain rule
     */
    public boolean matches(String address) {
        String normalized = address.trim().toLowerCase(Locale.ROOT);
        if (!isDomain()) {
            return normalized.equals(match);
        }
        int at = normalized.lastIndexOf('@');
        return at >= 0 && normalized.substring(at).equals(match);
    }
}

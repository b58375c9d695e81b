package org.sealmail.policy.rules;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed rules file: the organization's domains, the rules in file order, and the time
 * bound of one message's evaluation.
 *
 * @param source the file it came from
 * @param organizationDomains the organization's domains, lower case; their subdomains count as inside
 * @param rules the rules, in file order
 * @param timeout how long evaluating one message may take before it is stopped and the message held
 */
public record RuleSet(String source, List<String> organizationDomains, List<Rule> rules, Duration timeout) {

    /** The evaluation bound when a rules file sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    /** No rules: every message is sent as composed. */
    public static final RuleSet EMPTY = new RuleSet("(no rules file)", List.of(), List.of(), DEFAULT_TIMEOUT);

    /** Checks and copies the fields. */
    public RuleSet {
        Objects.requireNonNull(source, "source");
        organizationDomains = organizationDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList();
        rules = List.copyOf(rules);
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param address a bare address
     * @return true if its domain is an organization domain or a subdomain of one
     */
    public boolean isInside(String address) {
        String domain = Conditions.domainOf(address);
        return organizationDomains.stream().anyMatch(inside -> Conditions.domainMatches(domain, inside));
    }
}

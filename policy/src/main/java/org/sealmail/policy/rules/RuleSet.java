package org.sealmail.policy.rules;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.policy.branding.BrandingTemplate;

/**
 * A parsed rules file: the organization's domains, the rules in file order, and the time
 * bound of one message's evaluation, and the brandings of templates (for a template the user chose
 * in the composer, which no rule named).
 *
 * @param source the file it came from
 * @param organizationDomains the organization's domains, lower case; their subdomains count as inside
 * @param rules the rules, in file order
 * @param timeout how long evaluating one message may take before it is stopped and the message held
 * @param templateBrandings the branding each declared template names ({@code template NAME ... branding B}), by template id
 * @param defaultBranding the {@code default-branding}, or {@link BrandingTemplate#DEFAULT} when the file names none
 */
public record RuleSet(String source, List<String> organizationDomains, List<Rule> rules, Duration timeout,
        Map<String, BrandingTemplate> templateBrandings, BrandingTemplate defaultBranding) {

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
        templateBrandings = Map.copyOf(templateBrandings);
        Objects.requireNonNull(defaultBranding, "defaultBranding");
    }

    /**
     * A rule set whose templates use Sealmail's own wrapper.
     *
     * @param source the file it came from
     * @param organizationDomains the organization's domains
     * @param rules the rules, in file order
     * @param timeout the evaluation bound of one message
     */
    public RuleSet(String source, List<String> organizationDomains, List<Rule> rules, Duration timeout) {
        this(source, organizationDomains, rules, timeout, Map.of(), BrandingTemplate.DEFAULT);
    }

    /**
     * The branding of a template no rule named (the user's choice in the composer): the one its
     * {@code template} line declares, else the {@code default-branding}, else Sealmail's.
     *
     * @param template the template
     * @return its branding under this rules file
     */
    public BrandingTemplate brandingFor(ProtectionTemplate template) {
        return templateBrandings.getOrDefault(template.id(), defaultBranding);
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

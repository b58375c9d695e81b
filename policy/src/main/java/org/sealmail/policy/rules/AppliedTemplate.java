package org.sealmail.policy.rules;

import java.util.Objects;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.policy.branding.BrandingTemplate;

/**
 * The protection a decision applies.
 *
 * @param template the rights template
 * @param branding the wrapper's branding
 * @param ruleName the rule that chose it (or "composer" for the user's own choice)
 */
public record AppliedTemplate(ProtectionTemplate template, BrandingTemplate branding, String ruleName) {

    /** Checks the fields. */
    public AppliedTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(branding, "branding");
        Objects.requireNonNull(ruleName, "ruleName");
    }
}

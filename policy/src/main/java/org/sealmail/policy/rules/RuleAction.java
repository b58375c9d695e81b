package org.sealmail.policy.rules;

import java.util.Objects;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.policy.branding.BrandingTemplate;

/** What a rule does when it fires. */
public sealed interface RuleAction {

    /** @return the kind, for precedence */
    ActionKind kind();

    /**
     * Protect the message with a template, its wrapper in a branding.
     *
     * @param template the rights template
     * @param branding the wrapper's branding
     */
    record ApplyTemplate(ProtectionTemplate template, BrandingTemplate branding) implements RuleAction {
        /** Checks the fields. */
        public ApplyTemplate {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(branding, "branding");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.APPLY_TEMPLATE;
        }
    }

    /** Sign the message with S/MIME. */
    record RequireSigning() implements RuleAction {
        @Override
        public ActionKind kind() {
            return ActionKind.REQUIRE_SIGNING;
        }
    }

    /**
     * Do not send.
     *
     * @param message what the user is told
     */
    record Block(String message) implements RuleAction {
        /** Checks the field. */
        public Block {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.BLOCK;
        }
    }

    /**
     * Send only after the user overrides with a reason.
     *
     * @param message what the user is told
     */
    record Warn(String message) implements RuleAction {
        /** Checks the field. */
        public Warn {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.WARN;
        }
    }
}

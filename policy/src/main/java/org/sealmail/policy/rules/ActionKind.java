package org.sealmail.policy.rules;

/**
 * The kinds of rule action, strongest first: when several rules fire, a block wins over
 * everything, a template over signing, and signing over a warning (a warning that must be
 * overridden still applies alongside a template or signing).
 */
public enum ActionKind {
    /** Do not send; tell the user why. */
    BLOCK,
    /** Protect with a rights template (Encrypt, Do Not Forward or custom) and a branding. */
    APPLY_TEMPLATE,
    /** Sign with S/MIME (RFC 8551); a protected message already carries the sender's signature. */
    REQUIRE_SIGNING,
    /** Send only after the user gives a reason to override. */
    WARN
}

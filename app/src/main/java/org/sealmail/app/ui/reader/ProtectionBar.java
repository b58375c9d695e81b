package org.sealmail.app.ui.reader;

import java.util.List;
import java.util.Objects;

/**
 * What the reader's protection bar shows: a headline and detail lines, already localized.
 *
 * @param severity decides colour and icon (NONE hides the bar)
 * @param headline one sentence that says what the protection is or what failed
 * @param details further lines (rights, expiry, signer, algorithm)
 */
public record ProtectionBar(Severity severity, String headline, List<String> details) {

    /** How the bar looks, from harmless to alarming. */
    public enum Severity {
        /** No protection: the bar is hidden. */
        NONE,
        /** Protected and everything checks out. */
        OK,
        /** Protected; something the reader should know (rights limited). */
        INFO,
        /** Something is not right but the content is shown (untrusted, mismatch, CBC). */
        WARNING,
        /** A failure: invalid signature, no content. */
        ERROR;

        /**
         * @param other another severity
         * @return the more serious of the two
         */
        public Severity max(Severity other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** Copies the details and rejects nulls. */
    public ProtectionBar {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(headline, "headline");
        details = List.copyOf(details);
    }

    /** @return the bar of an unprotected message (hidden) */
    public static ProtectionBar hidden() {
        return new ProtectionBar(Severity.NONE, "", List.of());
    }
}

package org.sealmail.policy.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How sure a detection is. Each type documents what raises or lowers it (docs/protection-rules.md);
 * in general a checksum-valid value is {@link #MEDIUM}, and a keyword nearby ("card", "IBAN",
 * "SSN"...) makes it {@link #HIGH}. Ordered from weakest to strongest.
 */
public enum Confidence {
    /** Plausible, but common in harmless text. */
    LOW,
    /** Valid by format and checksum. */
    MEDIUM,
    /** Valid, with supporting context. */
    HIGH;

    /** @return the name used in rules files: {@code low}, {@code medium}, {@code high} */
    public String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the level with that rules-file name, if any */
    public static Optional<Confidence> byRuleName(String name) {
        return Arrays.stream(values()).filter(level -> level.ruleName().equals(name)).findFirst();
    }
}

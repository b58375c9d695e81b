package org.sealmail.policy;

import java.util.Objects;

/**
 * One problem found in a policy file (a rules file or a branding file): where it is and what is
 * wrong. Shown to users as {@code FILE:LINE: REASON}, the form compilers use.
 *
 * @param file the file as the user named it
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param reason what is wrong, in words
 */
public record PolicyFileProblem(String file, int line, String reason) {

    /** Checks the fields. */
    public PolicyFileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or more");
        }
    }

    /** @return {@code FILE:LINE: REASON}, or {@code FILE: REASON} for line 0 */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}

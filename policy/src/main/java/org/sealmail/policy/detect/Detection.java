package org.sealmail.policy.detect;

import java.util.Objects;

/**
 * One sensitive item found in a text. It deliberately holds no value and no position: what was
 * found may be reported (type and count), never what it was.
 *
 * @param type the kind of information
 * @param confidence how sure the detection is
 */
public record Detection(SensitiveType type, Confidence confidence) {

    /** Checks the fields. */
    public Detection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(confidence, "confidence");
    }
}

package org.sealmail.policy.detect;

import java.util.List;

/** Finds one {@link SensitiveType} in a text. Implementations skip everything inside URLs. */
interface SensitiveInformationDetector {

    /**
     * @param text the text, with its URL spans
     * @return one detection per item (for list types, per distinct item)
     * @throws org.sealmail.policy.regex.DeadlineExceededException when the text's deadline passes
     */
    List<Detection> detect(ScanText text);
}

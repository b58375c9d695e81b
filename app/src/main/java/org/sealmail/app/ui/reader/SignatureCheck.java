package org.sealmail.app.ui.reader;

import java.util.Objects;

/**
 * The verification result of an S/MIME signature (RFC 8551 §3.5, RFC 5652 §5.6) as the reader shows it.
 *
 * @param outcome whether the signature itself verifies
 * @param signer the signer's name from the certificate subject (may be empty)
 * @param signerAddress the signer's certificate address (SAN rfc822Name), may be empty
 * @param trusted whether the certificate chains to a trust anchor (PKIX, RFC 5280)
 * @param addressMatchesFrom whether the certificate names the From address (RFC 8550 §3)
 * @param coversWholeMessage whether every displayed part is inside the signed content
 * @param problem a specific description of what failed (empty when nothing did)
 */
public record SignatureCheck(Outcome outcome, String signer, String signerAddress, boolean trusted,
        boolean addressMatchesFrom, boolean coversWholeMessage, String problem) {

    /** Whether the cryptographic signature verifies. */
    public enum Outcome {
        /** The signature verifies over the signed content. */
        VERIFIED,
        /** The content or signed attributes were altered. */
        BAD_SIGNATURE,
        /** The signer's certificate is expired, not yet valid or not for e-mail protection. */
        CERTIFICATE_UNSUITABLE,
        /** The digest or signature algorithm is refused (SHA-1, MD5, unknown OIDs). */
        UNSUPPORTED_ALGORITHM,
        /** The signature structure cannot be parsed. */
        MALFORMED
    }

    /** Rejects nulls. */
    public SignatureCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerAddress, "signerAddress");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * A signature counts as valid only when it verifies, chains to a trust anchor, names the From
     * address and covers the whole displayed message (DESIGN: security rules).
     *
     * @return whether the reader may call the message "signed and valid"
     */
    public boolean valid() {
        return outcome == Outcome.VERIFIED && trusted && addressMatchesFrom && coversWholeMessage;
    }
}

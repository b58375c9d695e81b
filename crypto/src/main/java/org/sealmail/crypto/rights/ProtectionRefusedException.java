package org.sealmail.crypto.rights;

import java.util.Objects;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * A protected message or license was refused for a specific {@link Refusal}. The message
 * says what was wrong in words for a user. The {@link #failure()} is MALFORMED_INPUT for
 * {@link OpenStatus#MALFORMED}, NO_MATCHING_KEY for {@link OpenStatus#NOT_A_RECIPIENT} and
 * AUTHENTICATION_FAILED otherwise (tampering, and a license that is no longer valid).
 */
public final class ProtectionRefusedException extends CryptoException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;

    /**
     * @param refusal the reason
     * @param message what was wrong and where
     */
    public ProtectionRefusedException(Refusal refusal, String message) {
        super(failureOf(refusal), message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /**
     * @param refusal the reason
     * @param message what was wrong and where
     * @param cause the underlying library exception
     */
    public ProtectionRefusedException(Refusal refusal, String message, Throwable cause) {
        super(failureOf(refusal), message, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    /** @return the specific reason */
    public Refusal refusal() {
        return refusal;
    }

    private static CryptoFailure failureOf(Refusal refusal) {
        return switch (refusal.status()) {
            case MALFORMED -> CryptoFailure.MALFORMED_INPUT;
            case NOT_A_RECIPIENT -> CryptoFailure.NO_MATCHING_KEY;
            default -> CryptoFailure.AUTHENTICATION_FAILED;
        };
    }
}

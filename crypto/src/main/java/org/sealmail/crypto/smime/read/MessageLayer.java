package org.sealmail.crypto.smime.read;

import java.util.Objects;
import org.sealmail.crypto.smime.decrypt.DecryptionResult;
import org.sealmail.crypto.smime.verify.SignatureVerification;

/**
 * One S/MIME layer of a message (RFC 8551 §3.7: signing and encrypting may be applied in any
 * order, repeatedly), as {@link SmimeMessageReader} found and removed it.
 */
public sealed interface MessageLayer permits MessageLayer.Signed, MessageLayer.Encrypted {

    /**
     * A signature layer (multipart/signed or application/pkcs7-mime signed-data), verified.
     *
     * @param verification the verification of this layer alone; its
     *     {@link SignatureVerification#nested()} is empty, because a signature inside is a layer
     *     of its own
     */
    record Signed(SignatureVerification verification) implements MessageLayer {
        /** Checks the field. */
        public Signed {
            Objects.requireNonNull(verification, "verification");
        }
    }

    /**
     * An encryption layer (EnvelopedData or AuthEnvelopedData), decrypted.
     *
     * @param decryption what the decryption found: content type, algorithms, the key used
     */
    record Encrypted(DecryptionResult decryption) implements MessageLayer {
        /** Checks the field. */
        public Encrypted {
            Objects.requireNonNull(decryption, "decryption");
        }
    }
}

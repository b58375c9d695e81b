package org.sealmail.crypto.smime.verify;

import java.util.Optional;
import org.sealmail.crypto.smime.mime.RawMimeEntity;

/**
 * Where a message's S/MIME signature sits.
 *
 * @param kind what was found
 * @param entity the multipart/signed or application/pkcs7-mime entity, as received; null for
 *     {@link Kind#NONE}
 * @param coverage whether that entity is the whole message body
 * @param note why nothing verifiable was found, for {@link Kind#NONE} and {@link Kind#ENCRYPTED}
 */
record SignatureLayer(Kind kind, RawMimeEntity entity, Coverage coverage, Optional<String> note) {

    /** The kinds of layer. */
    enum Kind { DETACHED, OPAQUE, ENCRYPTED, NONE }

    static SignatureLayer none(String note) {
        return new SignatureLayer(Kind.NONE, null, Coverage.WHOLE, Optional.of(note));
    }
}

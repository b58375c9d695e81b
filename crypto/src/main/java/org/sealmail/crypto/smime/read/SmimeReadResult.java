package org.sealmail.crypto.smime.read;

import java.util.List;
import java.util.Objects;
import org.sealmail.crypto.smime.verify.SignatureVerification;

/**
 * What {@link SmimeMessageReader#read(byte[], java.time.Instant)} found.
 *
 * @param layers the S/MIME layers, outermost first (e.g. signed, encrypted, signed for a
 *     triple-wrapped message, RFC 2634 §1.1); empty when the message has none
 * @param content the innermost MIME entity, the first that is no S/MIME layer (header fields,
 *     empty line, body; for a message without layers, the message itself)
 */
public record SmimeReadResult(List<MessageLayer> layers, byte[] content) {

    /** Copies the list and the bytes. */
    public SmimeReadResult {
        layers = List.copyOf(layers);
        content = Objects.requireNonNull(content, "content").clone();
    }

    /** @return a copy of the innermost entity */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** @return the verifications of the signature layers, outermost first */
    public List<SignatureVerification> signatures() {
        return signaturesOf(layers);
    }

    /**
     * @param layers layers as a reader returned them
     * @return the verifications of the signature layers among them, in the same order
     */
    public static List<SignatureVerification> signaturesOf(List<MessageLayer> layers) {
        return layers.stream().filter(MessageLayer.Signed.class::isInstance)
                .map(layer -> ((MessageLayer.Signed) layer).verification()).toList();
    }
}

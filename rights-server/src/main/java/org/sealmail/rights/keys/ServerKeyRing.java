package org.sealmail.rights.keys;

import java.util.List;
import java.util.Optional;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * All key pairs of the service: the current one (new wraps, signatures) and the retired ones,
 * kept after a rollover so that keys wrapped to them still unwrap.
 *
 * @param current the current key
 * @param keys every key, the current one included
 */
public record ServerKeyRing(ServerKey current, List<ServerKey> keys) {

    /** Copies the list and checks it holds the current key. */
    public ServerKeyRing {
        keys = List.copyOf(keys);
        if (!keys.contains(current)) {
            throw new IllegalArgumentException("the current key must be one of the keys");
        }
    }

    /**
     * @param kid a key id ({@code x5t#S256})
     * @return that key, if the ring holds it
     */
    public Optional<ServerKey> byKid(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /**
     * Unwraps a JWE with the key its {@code kid} header names.
     *
     * @param compact JWE compact serialization
     * @return the plaintext
     * @throws RightsProblem {@link ProblemReason#UNKNOWN_KEY} if the kid names no key here,
     *     {@link ProblemReason#CONTENT_KEY_INVALID} if it is not a JWE or does not decrypt
     */
    public byte[] unwrap(String compact) {
        String kid;
        try {
            kid = com.nimbusds.jose.JWEObject.parse(compact).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new RightsProblem(ProblemReason.CONTENT_KEY_INVALID, "the wrapped key is not a JWE: " + e.getMessage(), e);
        }
        if (kid == null) {
            throw new RightsProblem(ProblemReason.UNKNOWN_KEY, "the wrapped key's JWE header has no kid");
        }
        ServerKey key = byKid(kid).orElseThrow(() -> new RightsProblem(ProblemReason.UNKNOWN_KEY,
                "the wrapped key names key " + kid + ", which this service does not have"));
        return key.unwrap(compact);
    }
}

package org.sealmail.crypto.smime.verify;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A parsed and checked SignedData.
 *
 * @param content the signed content: the encapsulated content, or the detached content given
 * @param signers one entry per SignerInfo, in order
 * @param certificates every readable certificate of the SignedData's certificates field
 */
record SignedDataContents(byte[] content, List<SignerFacts> signers, List<X509Certificate> certificates) {

    SignedDataContents {
        signers = List.copyOf(signers);
        certificates = List.copyOf(certificates);
    }
}

package org.sealmail.policy.send;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where the send pipeline finds recipients' certificates to protect a message (the store's
 * certificate directory in the app; a map in tests).
 */
@FunctionalInterface
public interface RecipientCertificates {

    /**
     * @param address a recipient's bare address, lower case
     * @return certificates that may name it (the protection checks the name and validity); empty if none
     */
    List<X509Certificate> forAddress(String address);
}

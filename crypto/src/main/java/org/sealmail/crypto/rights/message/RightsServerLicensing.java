package org.sealmail.crypto.rights.message;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.license.DeviceKey;

/**
 * What the opener needs from the network for online licensing (docs/rights-server-api.md §4-6). The
 * crypto module opens no sockets: the client implements this over HTTPS. Every method reports a refusal
 * as a {@link ProtectionRefusedException}: {@link Refusal#REVOKED}, {@link Refusal#MESSAGE_EXPIRED},
 * {@link Refusal#NOT_A_RECIPIENT} for the server's answers of the same name, {@link Refusal#LICENSE_NOT_ISSUED}
 * for anything else (unreachable, passcode not confirmed, locked), with the server's reason in the message.
 */
public interface RightsServerLicensing {

    /**
     * Signs the licensee in (one-time passcode) and asks for a use license bound to the device key.
     *
     * @param rightsServer the rights server's URL
     * @param contentId the message's content id
     * @param licensee the address to sign in as
     * @param device this device's key
     * @return the use license JWS, compact, as issued
     */
    String requestUseLicense(URI rightsServer, String contentId, String licensee, DeviceKey device);

    /**
     * @param rightsServer the rights server's URL
     * @return its key certificates (current and retired), as listed over TLS or pinned; used also offline
     */
    List<X509Certificate> serverKeys(URI rightsServer);

    /**
     * Asks the key service to rewrap share B to the device key (double key encryption).
     *
     * @param keyService the key service's URL
     * @param useLicense the use license JWS from the rights server
     * @param device this device's key
     * @return share B as a JWE to the device key
     */
    String unwrapShareB(URI keyService, String useLicense, DeviceKey device);
}

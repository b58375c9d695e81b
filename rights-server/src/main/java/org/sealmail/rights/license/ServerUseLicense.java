package org.sealmail.rights.license;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sealmail.crypto.rights.license.UseLicense;
import org.sealmail.crypto.rights.license.UseLicenseJws;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.keys.ServerKey;

/**
 * Writes a use license issued by the rights server (docs/rights-server-api.md §5): crypto's
 * {@link UseLicense} members in their order, then {@code srv} and, with double key encryption,
 * {@code dke}; signed by the server's current key as a JWS with {@code typ} {@value UseLicenseJws#TYPE},
 * {@code kid} and {@code x5c}.
 */
public final class ServerUseLicense {

    private ServerUseLicense() {
    }

    /**
     * @param license the license ({@code wrappedContentKey} is share A with double key encryption)
     * @param server this server's public URL
     * @param doubleKey the double-key member, when the message uses double key encryption
     * @param key the signing key
     * @return the JWS compact serialization
     */
    public static String sign(UseLicense license, String server, Optional<DoubleKeyShare> doubleKey, ServerKey key) {
        Map<String, Object> json = UseLicenseJws.claims(license);
        json.put("srv", server);
        doubleKey.ifPresent(share -> {
            Map<String, Object> dke = new LinkedHashMap<>();
            dke.put("share_b", share.shareB());
            dke.put("key_service", share.keyService());
            json.put("dke", dke);
        });
        return key.sign(UseLicenseJws.TYPE, JsonBody.write(json));
    }

    /**
     * The double-key member of a use license.
     *
     * @param shareB share B as registered: a JWE only the key service unwraps
     * @param keyService the key service's URL
     */
    public record DoubleKeyShare(String shareB, String keyService) {
    }
}

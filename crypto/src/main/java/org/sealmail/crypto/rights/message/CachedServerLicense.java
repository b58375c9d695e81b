package org.sealmail.crypto.rights.message;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;

/**
 * How a use license issued by a rights server sits in the {@link org.sealmail.crypto.rights.UseLicenseCache}:
 * UTF-8 JSON {@code {"use_license": JWS, "share_b": JWE}}, where {@code share_b} (double key encryption only) is
 * share B as the key service rewrapped it to the device key, so that the message opens offline until the
 * license's {@code exp}. Certificate-based use licenses are cached as the bare JWS, which never starts with
 * {@code {}.
 *
 * @param useLicense the server-signed use license, compact
 * @param shareB share B wrapped to the device key, with double key encryption
 */
record CachedServerLicense(String useLicense, Optional<String> shareB) {

    static boolean isServerLicense(byte[] encoded) {
        return encoded.length > 0 && encoded[0] == '{';
    }

    byte[] encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("use_license", useLicense);
        shareB.ifPresent(share -> json.put("share_b", share));
        return JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
    }

    static CachedServerLicense decode(byte[] encoded) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(new String(encoded, StandardCharsets.UTF_8));
            String license = JSONObjectUtils.getString(json, "use_license");
            if (license == null) {
                throw new ProtectionRefusedException(Refusal.MALFORMED, "the cached server use license has no use_license");
            }
            return new CachedServerLicense(license, Optional.ofNullable(JSONObjectUtils.getString(json, "share_b")));
        } catch (ParseException e) {
            throw new ProtectionRefusedException(Refusal.MALFORMED, "the cached server use license is not JSON: "
                    + e.getMessage(), e);
        }
    }
}

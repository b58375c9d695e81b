package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.math.BigInteger;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.rights.ProtectionRefusedException;
import org.sealmail.crypto.rights.Refusal;
import org.sealmail.crypto.rights.UsageRights;
import org.sealmail.crypto.rights.template.Expiry;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.RightsRule;

/**
 * Reads the JSON members of the licenses; every missing or mistyped member is refused as
 * {@link Refusal#MALFORMED} naming the document and the member.
 */
final class LicenseJson {

    private final Map<String, Object> object;
    private final String what;

    private LicenseJson(Map<String, Object> object, String what) {
        this.object = object;
        this.what = what;
    }

    static LicenseJson parse(String json, String what) {
        try {
            return new LicenseJson(JSONObjectUtils.parse(json), what);
        } catch (ParseException e) {
            throw malformed(what + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    static LicenseJson of(Map<String, Object> object, String what) {
        return new LicenseJson(object, what);
    }

    String string(String member) {
        try {
            String value = JSONObjectUtils.getString(object, member);
            if (value == null) {
                throw malformed(what + ": member '" + member + "' is missing", null);
            }
            return value;
        } catch (ParseException e) {
            throw malformed(what + ": member '" + member + "' is not a string", e);
        }
    }

    boolean has(String member) {
        return object.containsKey(member) && object.get(member) != null;
    }

    long number(String member) {
        if (!has(member)) {
            throw malformed(what + ": member '" + member + "' is missing", null);
        }
        try {
            return JSONObjectUtils.getLong(object, member);
        } catch (ParseException e) {
            throw malformed(what + ": member '" + member + "' is not a number", e);
        }
    }

    int integer(String member) {
        long value = number(member);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw malformed(what + ": member '" + member + "' is out of range: " + value, null);
        }
        return (int) value;
    }

    Instant instant(String member) {
        long seconds = number(member);
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            throw malformed(what + ": member '" + member + "' is not a representable time: " + seconds, e);
        }
    }

    UsageRights rights(String member) {
        try {
            List<String> names = JSONObjectUtils.getStringList(object, member);
            if (names == null) {
                throw malformed(what + ": member '" + member + "' is missing", null);
            }
            return UsageRights.ofNames(names);
        } catch (ParseException e) {
            throw malformed(what + ": member '" + member + "' is not a list of rights", e);
        } catch (ProtectionRefusedException e) {
            throw e;
        } catch (CryptoException e) {
            throw malformed(what + ": member '" + member + "': " + e.getMessage(), e);
        }
    }

    LicenseJson object(String member) {
        try {
            Map<String, Object> value = JSONObjectUtils.getJSONObject(object, member);
            if (value == null) {
                throw malformed(what + ": member '" + member + "' is missing", null);
            }
            return new LicenseJson(value, what + "." + member);
        } catch (ParseException e) {
            throw malformed(what + ": member '" + member + "' is not an object", e);
        }
    }

    List<LicenseJson> objects(String member) {
        try {
            Map<String, Object>[] values = JSONObjectUtils.getJSONObjectArray(object, member);
            if (values == null) {
                throw malformed(what + ": member '" + member + "' is missing", null);
            }
            List<LicenseJson> list = new ArrayList<>();
            for (int index = 0; index < values.length; index++) {
                list.add(new LicenseJson(values[index], what + "." + member + "[" + index + "]"));
            }
            return list;
        } catch (ParseException e) {
            throw malformed(what + ": member '" + member + "' is not a list of objects", e);
        }
    }

    byte[] base64(String member) {
        try {
            return Base64.getDecoder().decode(string(member));
        } catch (IllegalArgumentException e) {
            throw malformed(what + ": member '" + member + "' is not base64", e);
        }
    }

    BigInteger hex(String member) {
        try {
            return new BigInteger(string(member), 16);
        } catch (NumberFormatException e) {
            throw malformed(what + ": member '" + member + "' is not a hexadecimal number", e);
        }
    }

    static Map<String, Object> certificate(CertificateReference reference) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", Base64.getEncoder().encodeToString(reference.issuer()));
        json.put("serial", reference.serial().toString(16));
        json.put("x5t#S256", reference.thumbprint());
        return json;
    }

    CertificateReference certificate(String member) {
        LicenseJson json = object(member);
        return new CertificateReference(json.base64("issuer"), json.hex("serial"), json.string("x5t#S256"));
    }

    static Map<String, Object> template(ProtectionTemplate template) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", template.id());
        json.put("name", template.name());
        json.put("rights", template.everyone().names());
        List<Object> rules = new ArrayList<>();
        for (RightsRule rule : template.rules()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("match", rule.match());
            entry.put("rights", rule.rights().names());
            rules.add(entry);
        }
        json.put("rules", rules);
        json.put("expires", template.expiry().text());
        json.put("offline_days", template.offlineDays());
        return json;
    }

    ProtectionTemplate template(String member) {
        LicenseJson json = object(member);
        List<RightsRule> rules = new ArrayList<>();
        for (LicenseJson rule : json.objects("rules")) {
            try {
                rules.add(new RightsRule(rule.string("match"), rule.rights("rights")));
            } catch (IllegalArgumentException e) {
                throw malformed(rule.what + ": " + e.getMessage(), e);
            }
        }
        try {
            return new ProtectionTemplate(json.string("id"), json.string("name"), json.rights("rights"), rules,
                    Expiry.parse(json.string("expires")), json.integer("offline_days"));
        } catch (IllegalArgumentException e) {
            throw malformed(json.what + ": " + e.getMessage(), e);
        } catch (ProtectionRefusedException e) {
            throw e;
        } catch (CryptoException e) {
            throw malformed(json.what + ": " + e.getMessage(), e);
        }
    }

    static ProtectionRefusedException malformed(String message, Throwable cause) {
        return new ProtectionRefusedException(Refusal.MALFORMED, message, cause);
    }
}

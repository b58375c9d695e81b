package org.sealmail.crypto.rights.license;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a {@link PublishingLicense} (the JWS payload). Members, in this order:
 * {@code ver, cid, iss, iat, exp (absent: never), offline_days, template, owner, grants,
 * rights_server (optional), wrapper_sha256}. A grant's {@code cert} is absent for an online grant. See docs/protected-message-format.md.
 */
final class PublishingLicenseJson {

    private PublishingLicenseJson() {
    }

    static String toJson(PublishingLicense license) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ver", PublishingLicense.VERSION);
        json.put("cid", license.contentId());
        json.put("iss", license.issuer());
        json.put("iat", license.issuedAt().getEpochSecond());
        license.notAfter().ifPresent(notAfter -> json.put("exp", notAfter.getEpochSecond()));
        json.put("offline_days", license.offlineDays());
        json.put("template", LicenseJson.template(license.template()));
        json.put("owner", grant(license.owner()));
        List<Object> grants = new ArrayList<>();
        for (RecipientGrant grant : license.grants()) {
            grants.add(grant(grant));
        }
        json.put("grants", grants);
        license.rightsServer().ifPresent(url -> json.put("rights_server", url.toString()));
        json.put("wrapper_sha256", license.wrapperDigest());
        return JSONObjectUtils.toJSONString(json);
    }

    private static Map<String, Object> grant(RecipientGrant grant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("licensee", grant.licensee());
        json.put("rights", grant.rights().names());
        grant.certificate().ifPresent(reference -> json.put("cert", LicenseJson.certificate(reference)));
        return json;
    }

    static PublishingLicense fromJson(String text) {
        LicenseJson json = LicenseJson.parse(text, "publishing license");
        long version = json.number("ver");
        if (version != PublishingLicense.VERSION) {
            throw LicenseJson.malformed("publishing license version " + version + " is not supported (expected "
                    + PublishingLicense.VERSION + ")", null);
        }
        List<RecipientGrant> grants = new ArrayList<>();
        for (LicenseJson grant : json.objects("grants")) {
            grants.add(grant(grant));
        }
        Optional<URI> rightsServer = Optional.empty();
        if (json.has("rights_server")) {
            try {
                rightsServer = Optional.of(new URI(json.string("rights_server")));
            } catch (URISyntaxException e) {
                throw LicenseJson.malformed("publishing license: rights_server is not a URL", e);
            }
        }
        return new PublishingLicense(json.string("cid"), json.string("iss"), json.instant("iat"), json.template("template"),
                json.has("exp") ? Optional.of(json.instant("exp")) : Optional.empty(), json.integer("offline_days"),
                grant(json.object("owner")), grants, rightsServer, json.string("wrapper_sha256"));
    }

    private static RecipientGrant grant(LicenseJson json) {
        try {
            return new RecipientGrant(json.string("licensee"), json.rights("rights"),
                    json.has("cert") ? Optional.of(json.certificate("cert")) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw LicenseJson.malformed("publishing license grant: " + e.getMessage(), e);
        }
    }
}

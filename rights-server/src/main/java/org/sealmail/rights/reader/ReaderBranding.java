package org.sealmail.rights.reader;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sealmail.rights.json.JsonBody;
import org.sealmail.rights.problem.ProblemReason;
import org.sealmail.rights.problem.RightsProblem;

/**
 * The sender's branding for the web reader, carried in the registration (the same fields as the
 * wrapper's branding in docs/protected-message-format.md): texts are shown HTML-escaped, the
 * privacy URL is https, the logo a PNG or JPEG {@code data:} URI of at most 64 KiB, the
 * background {@code #RRGGBB}.
 *
 * @param intro the introductory line
 * @param disclaimer small print
 * @param privacyUrl the privacy statement link
 * @param logo the logo as a data: URI
 * @param background the background colour
 */
public record ReaderBranding(Optional<String> intro, Optional<String> disclaimer, Optional<URI> privacyUrl,
        Optional<String> logo, Optional<String> background) {

    /** No branding: Sealmail's default look. */
    public static final ReaderBranding NONE = new ReaderBranding(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern LOGO = Pattern.compile("data:image/(png|jpeg);base64,([A-Za-z0-9+/=]+)");
    private static final int MAX_LOGO_BYTES = 64 * 1024;

    /**
     * @param json the registration's {@code branding} member
     * @return the validated branding
     * @throws RightsProblem {@link ProblemReason#MALFORMED_REQUEST} naming the bad member
     */
    public static ReaderBranding parse(JsonBody json) {
        Optional<String> intro = text(json, "intro", 500);
        Optional<String> disclaimer = text(json, "disclaimer", 2000);
        Optional<URI> privacy = json.optionalString("privacy_url").map(ReaderBranding::httpsUrl);
        Optional<String> logo = json.optionalString("logo").map(ReaderBranding::logo);
        Optional<String> background = json.optionalString("background").map(value -> {
            if (!COLOUR.matcher(value).matches()) {
                throw malformed("branding.background must be #RRGGBB, not " + value);
            }
            return value;
        });
        return new ReaderBranding(intro, disclaimer, privacy, logo, background);
    }

    /** @return the JSON stored with the message */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        intro.ifPresent(value -> json.put("intro", value));
        disclaimer.ifPresent(value -> json.put("disclaimer", value));
        privacyUrl.ifPresent(value -> json.put("privacy_url", value.toString()));
        logo.ifPresent(value -> json.put("logo", value));
        background.ifPresent(value -> json.put("background", value));
        return JsonBody.write(json);
    }

    /**
     * @param stored the stored JSON, if any
     * @return the branding (validated again)
     */
    public static ReaderBranding fromStored(Optional<String> stored) {
        return stored.map(text -> parse(JsonBody.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).orElse(NONE);
    }

    private static Optional<String> text(JsonBody json, String member, int max) {
        Optional<String> value = json.optionalString(member);
        if (value.isPresent() && value.get().length() > max) {
            throw malformed("branding." + member + " is longer than " + max + " characters");
        }
        return value;
    }

    private static URI httpsUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw malformed("branding.privacy_url must be an https URL, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw malformed("branding.privacy_url is not a URL: " + e.getMessage());
        }
    }

    private static String logo(String value) {
        var matcher = LOGO.matcher(value);
        if (!matcher.matches()) {
            throw malformed("branding.logo must be a data:image/png or data:image/jpeg base64 URI");
        }
        try {
            if (Base64.getDecoder().decode(matcher.group(2)).length > MAX_LOGO_BYTES) {
                throw malformed("branding.logo is larger than 64 KiB");
            }
        } catch (IllegalArgumentException e) {
            throw malformed("branding.logo is not valid base64");
        }
        return value;
    }

    private static RightsProblem malformed(String detail) {
        return new RightsProblem(ProblemReason.MALFORMED_REQUEST, detail);
    }
}

package org.sealmail.crypto.rights.message;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the readable wrapper of a protected message looks (docs/protected-message-format.md, "The
 * wrapper"): the introductory line, a disclaimer, a link to a privacy statement, a logo and a
 * background colour. The wrapper always also says who sent the message and that only its
 * recipients can open it; {@link #DEFAULT} adds nothing else. Every text is escaped when it is
 * put into HTML, and the colour and URL are validated here, so no branding can inject markup.
 *
 * @param introText the first line, in bold in HTML; one line, not blank
 * @param disclaimer shown below the wrapper's text in small print; may be empty; line breaks are kept
 * @param privacyStatement the privacy statement's URL, https only
 * @param logo shown above the text
 * @param backgroundColour the wrapper's background as {@code #RRGGBB} (hexadecimal, CSS Color Module Level 3 §4.2.1)
 */
public record Branding(String introText, String disclaimer, Optional<URI> privacyStatement, Optional<BrandingLogo> logo,
        Optional<String> backgroundColour) {

    /** The wrapper as Sealmail writes it without branding. */
    public static final Branding DEFAULT = new Branding("This message is protected with Sealmail.", "", Optional.empty(),
            Optional.empty(), Optional.empty());

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the intro text is blank or has a line break; the privacy statement URL
     *     is not an absolute https URL with a host; the colour is not {@code #RRGGBB}
     */
    public Branding {
        Objects.requireNonNull(introText, "introText");
        Objects.requireNonNull(disclaimer, "disclaimer");
        Objects.requireNonNull(privacyStatement, "privacyStatement");
        Objects.requireNonNull(logo, "logo");
        Objects.requireNonNull(backgroundColour, "backgroundColour");
        introText = introText.strip();
        if (introText.isEmpty()) {
            throw new IllegalArgumentException("the introductory text is blank");
        }
        if (introText.indexOf('\n') >= 0 || introText.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the introductory text must be one line");
        }
        disclaimer = disclaimer.replaceAll("\r\n|\r", "\n").strip();
        privacyStatement.ifPresent(Branding::requireHttps);
        backgroundColour.ifPresent(colour -> {
            if (!COLOUR.matcher(colour).matches()) {
                throw new IllegalArgumentException("the background colour must be #RRGGBB (six hexadecimal digits), got '"
                        + colour + "'");
            }
        });
        backgroundColour = backgroundColour.map(colour -> colour.toUpperCase(Locale.ROOT));
    }

    private static void requireHttps(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("the privacy statement URL must be an absolute https:// URL with a host, got '"
                    + url + "'");
        }
    }

    /** @return a copy with another introductory text */
    public Branding withIntroText(String value) {
        return new Branding(value, disclaimer, privacyStatement, logo, backgroundColour);
    }

    /** @return a copy with another disclaimer */
    public Branding withDisclaimer(String value) {
        return new Branding(introText, value, privacyStatement, logo, backgroundColour);
    }

    /** @return a copy that links this privacy statement (https only) */
    public Branding withPrivacyStatement(URI value) {
        return new Branding(introText, disclaimer, Optional.of(value), logo, backgroundColour);
    }

    /** @return a copy with this logo */
    public Branding withLogo(BrandingLogo value) {
        return new Branding(introText, disclaimer, privacyStatement, Optional.of(value), backgroundColour);
    }

    /** @return a copy with this background colour ({@code #RRGGBB}) */
    public Branding withBackgroundColour(String value) {
        return new Branding(introText, disclaimer, privacyStatement, logo, Optional.of(value));
    }
}

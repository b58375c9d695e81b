package org.sealmail.policy.branding;

import java.util.Objects;
import java.util.regex.Pattern;
import org.sealmail.crypto.rights.message.Branding;

/**
 * A named branding for the readable wrapper of protected mail (intro text, disclaimer, privacy
 * statement, logo, background colour), as read from a branding file ({@link BrandingFile}).
 * Rules and protection templates name one; the rights server's web reader shows the same.
 *
 * @param name the name rules files use: letters, digits, {@code . _ -}
 * @param branding what the wrapper shows
 */
public record BrandingTemplate(String name, Branding branding) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Sealmail's own wrapper: {@link Branding#DEFAULT}. */
    public static final BrandingTemplate DEFAULT = new BrandingTemplate("sealmail", Branding.DEFAULT);

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the name is not letters, digits and {@code . _ -}
     */
    public BrandingTemplate {
        Objects.requireNonNull(branding, "branding");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a branding name is letters, digits and . _ - (got '" + name + "')");
        }
    }
}

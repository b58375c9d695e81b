package org.sealmail.app.ui.html;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * HTML after sanitizing: body markup that holds no script, frame, form, object or event handler.
 *
 * @param bodyHtml the sanitized markup of the body (no {@code <html>}, {@code <head>} or {@code <body>} tags)
 * @param remoteOrigins the origins ({@code scheme://host:port}) of remote resources it references
 *                      (images, CSS {@code url(...)} and {@code @import}); empty when it references none
 */
public record SanitizedHtml(String bodyHtml, Set<URI> remoteOrigins) {

    /** Copies the origins and rejects nulls. */
    public SanitizedHtml {
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        remoteOrigins = Set.copyOf(remoteOrigins);
    }

    /** @return whether the HTML references remote content (then the reader offers to load it) */
    public boolean referencesRemoteContent() {
        return !remoteOrigins.isEmpty();
    }
}

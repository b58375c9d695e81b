package org.sealmail.app.ui.html;

import java.util.Objects;
import org.jsoup.nodes.Entities;

/**
 * Builds the complete HTML document the message viewer loads (from a String, in memory; never a
 * file). A Content-Security-Policy {@code <meta>} comes first in {@code <head>}: with remote
 * content blocked it allows only inline styles and {@code data:} images and fonts, so WebKit
 * itself refuses every network load; the {@link RemoteContentGate} blocks at the proxy level too.
 */
public final class ViewerDocument {

    /** The policy while remote content is blocked. */
    public static final String BLOCKING_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
    /** The policy after the user chose to load remote content of an unencrypted message. */
    public static final String REMOTE_ALLOWED_POLICY =
            "default-src 'none'; style-src 'unsafe-inline' http: https:; img-src data: http: https:; "
            + "font-src data: http: https:";

    private static final String BASE_STYLE = "body{font-family:sans-serif;font-size:13px;margin:8px;"
            + "word-wrap:break-word;}pre.plain{white-space:pre-wrap;font-family:monospace;margin:0;}";
    private static final String DARK_STYLE = "html{background:#1e1f22;color:#dfe1e5;}a{color:#7ab4ff;}";
    private static final String NO_EXTRACT_STYLE = "*{-webkit-user-select:none !important;"
            + "user-select:none !important;-webkit-user-drag:none !important;}";

    private ViewerDocument() {
    }

    /**
     * How a document is rendered.
     *
     * @param remoteContentAllowed whether remote loads are allowed (only ever for unencrypted mail)
     * @param selectionAllowed whether text may be selected (false without the EXTRACT right)
     * @param dark whether the dark theme is on
     */
    public record Options(boolean remoteContentAllowed, boolean selectionAllowed, boolean dark) {
    }

    /**
     * @param html sanitized HTML
     * @param options rendering options
     * @return the full document
     */
    public static String ofHtml(SanitizedHtml html, Options options) {
        Objects.requireNonNull(html, "html");
        return wrap(html.bodyHtml(), options);
    }

    /**
     * @param text a plain-text body
     * @param options rendering options ({@code remoteContentAllowed} is ignored: plain text loads nothing)
     * @return the full document, the text escaped inside {@code <pre>}
     */
    public static String ofPlainText(String text, Options options) {
        Objects.requireNonNull(text, "text");
        Options noRemote = new Options(false, options.selectionAllowed(), options.dark());
        return wrap("<pre class=\"plain\">" + Entities.escape(text) + "</pre>", noRemote);
    }

    private static String wrap(String body, Options options) {
        String policy = options.remoteContentAllowed() ? REMOTE_ALLOWED_POLICY : BLOCKING_POLICY;
        return "<!DOCTYPE html><html><head>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">"
                + "<meta charset=\"utf-8\">"
                + "<style>" + BASE_STYLE + (options.dark() ? DARK_STYLE : "")
                + (options.selectionAllowed() ? "" : NO_EXTRACT_STYLE) + "</style>"
                + "</head><body>" + body + "</body></html>";
    }
}

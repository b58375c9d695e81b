package org.sealmail.rights.reader;

import java.util.Optional;
import org.sealmail.crypto.rights.UsageRight;
import org.sealmail.crypto.rights.UsageRights;

/**
 * The web reader's HTML pages (docs/rights-server-api.md §8). Every dynamic text is
 * HTML-escaped; pages carry a strict Content-Security-Policy (set by the routes) that allows
 * only inline styles, {@code data:} images and the one script with the page's nonce.
 */
public final class ReaderPages {

    private ReaderPages() {
    }

    /**
     * @param cid content id
     * @param issuer the sender
     * @param branding the sender's branding
     * @param notice a line to show above the form, if any
     * @return the sign-in page: address field and a Send passcode button (form POST)
     */
    public static String signIn(String cid, String issuer, ReaderBranding branding, Optional<String> notice) {
        return page("Protected message", branding, "", """
                <p>%s sent you a protected message.</p>
                %s
                <form method="post" action="/m/%s/passcode" id="passcode-request">
                  <label for="licensee">Your e-mail address</label>
                  <input type="email" id="licensee" name="licensee" required autocomplete="email">
                  <button type="submit" id="send-passcode">Send passcode</button>
                </form>
                <p class="small">We send a one-time passcode to your address. Opening this page does not send anything.</p>
                """.formatted(escape(issuer), notice.map(text -> "<p class=\"notice\" id=\"notice\">" + escape(text) + "</p>")
                .orElse(""), cid));
    }

    /**
     * @param cid content id
     * @param licensee the address the code was sent to
     * @param branding the sender's branding
     * @param notice a line to show (e.g. a wrong code), if any
     * @return the passcode page (form POST)
     */
    public static String passcode(String cid, String licensee, ReaderBranding branding, Optional<String> notice) {
        return page("Enter your passcode", branding, "", """
                <p>We sent a passcode to <strong>%s</strong>. It is valid for 10 minutes and works once.</p>
                %s
                <form method="post" action="/m/%s/sign-in" id="sign-in">
                  <input type="hidden" name="licensee" value="%s">
                  <label for="passcode">Passcode</label>
                  <input type="text" id="passcode" name="passcode" inputmode="numeric" autocomplete="one-time-code" required>
                  <button type="submit" id="open-message">Open message</button>
                </form>
                """.formatted(escape(licensee), notice.map(text -> "<p class=\"notice\" id=\"notice\">" + escape(text) + "</p>")
                .orElse(""), cid, escape(licensee)));
    }

    /**
     * @param title what went wrong, short
     * @param detail why, in words
     * @param branding the sender's branding (or none)
     * @return a page that says why the message cannot be shown
     */
    public static String refused(String title, String detail, ReaderBranding branding) {
        return page(title, branding, "", "<p class=\"refusal\" id=\"refusal\">" + escape(detail) + "</p>");
    }

    /**
     * @param message the rendered message
     * @param licensee the reader
     * @param rights the reader's rights
     * @param branding the sender's branding
     * @param nonce the CSP nonce of the page's one script
     * @return the message page; without EXTRACT, PRINT or FORWARD it discourages copying and printing (best effort)
     */
    public static String message(RenderedMessage message, String licensee, UsageRights rights, ReaderBranding branding,
            String nonce) {
        boolean restricted = !rights.allows(UsageRight.EXTRACT) || !rights.allows(UsageRight.PRINT)
                || !rights.allows(UsageRight.FORWARD);
        StringBuilder body = new StringBuilder();
        if (restricted) {
            body.append("<p class=\"best-effort\" id=\"restriction-notice\">Do Not Forward: the sender asked that this message"
                    + " not be copied, printed or forwarded. Copying and printing are discouraged on this page; this is best"
                    + " effort only, a web browser cannot enforce it.</p>\n");
        }
        body.append("<dl class=\"headers\"><dt>From</dt><dd id=\"from\">").append(escape(message.from()))
                .append("</dd><dt>Subject</dt><dd id=\"subject\">").append(escape(message.subject()))
                .append("</dd><dt>Date</dt><dd>").append(escape(message.date())).append("</dd><dt>Read by</dt><dd id=\"reader\">")
                .append(escape(licensee)).append("</dd></dl>\n<div id=\"message-body\" class=\"message-body\">")
                .append(message.bodyHtml()).append("</div>\n");
        if (!message.attachments().isEmpty()) {
            body.append("<p>Attachments (open the message in Sealmail to use them):</p><ul id=\"attachments\">");
            message.attachments().forEach(name -> body.append("<li>").append(escape(name)).append("</li>"));
            body.append("</ul>\n");
        }
        String extraStyle = restricted ? """
                body.restricted, body.restricted * { -webkit-user-select: none; user-select: none; }
                @media print { body.restricted * { display: none !important; }
                  body.restricted::after { content: "Printing is disabled for this message."; } }
                """ : "";
        if (restricted) {
            body.append("<script nonce=\"").append(nonce).append("\">")
                    .append("for (const type of ['contextmenu', 'copy', 'cut', 'dragstart', 'selectstart']) {")
                    .append(" document.addEventListener(type, event => event.preventDefault()); }")
                    .append("</script>\n");
        }
        return page(message.subject(), branding, extraStyle, body.toString()).replace("<body>",
                restricted ? "<body class=\"restricted\">" : "<body>");
    }

    private static String page(String title, ReaderBranding branding, String extraStyle, String content) {
        String background = branding.background().orElse("#ffffff");
        StringBuilder header = new StringBuilder();
        branding.logo().ifPresent(logo -> header.append("<img class=\"logo\" alt=\"\" src=\"").append(escape(logo)).append("\">"));
        header.append("<p class=\"intro\">").append(escape(branding.intro().orElse("This message is protected with Sealmail.")))
                .append("</p>");
        StringBuilder footer = new StringBuilder();
        branding.disclaimer().ifPresent(text -> footer.append("<p class=\"small\">").append(escape(text)).append("</p>"));
        branding.privacyUrl().ifPresent(url -> footer.append("<p class=\"small\"><a rel=\"noopener noreferrer\" href=\"")
                .append(escape(url.toString())).append("\">Privacy statement</a></p>"));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <style>
                body { font-family: sans-serif; margin: 0; background: %s; }
                main { max-width: 48rem; margin: 1rem auto; padding: 1rem 1.5rem; background: #fff; border-radius: 6px; }
                .logo { max-height: 48px; } .small { font-size: 0.8rem; color: #555; }
                .notice, .refusal { padding: 0.5rem; background: #fff3cd; } .best-effort { padding: 0.5rem; background: #e8f0fe; }
                dl.headers dt { font-weight: bold; } pre.plain { white-space: pre-wrap; }
                %s
                </style></head>
                <body>
                <main>
                <header>%s</header>
                <h1>%s</h1>
                %s
                <footer>%s</footer>
                </main>
                </body></html>
                """.formatted(escape(title), background, extraStyle, header, escape(title), content, footer);
    }

    /**
     * @param text any text
     * @return the text with {@code & < > " '} replaced by character references (safe in element content and quoted attributes)
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

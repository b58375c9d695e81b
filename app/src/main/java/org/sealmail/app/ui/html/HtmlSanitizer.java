package org.sealmail.app.ui.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.sealmail.app.ui.reader.InlineImage;

/**
 * Sanitizes HTML mail with jsoup: keeps the markup of {@link Safelist#relaxed()} plus inline
 * styles, {@code <style>} sheets and presentational attributes; drops scripts, frames, forms,
 * objects, {@code <link>}, {@code <meta>}, {@code <base>} and every event handler. {@code cid:}
 * references (RFC 2392) become {@code data:} URIs of the message's own image parts.
 */
public final class HtmlSanitizer {

    private static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)|@import\\s+(['\"])([^'\"]+)\\3", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRCSET_URL = Pattern.compile("(?:^|,)\\s*(\\S+)");

    private final Safelist safelist = Safelist.relaxed()
            .addTags("style", "hr", "font", "center", "s", "del", "ins", "mark", "abbr", "address",
                    "article", "section", "header", "footer", "figure", "figcaption", "big", "tt")
            .addAttributes(":all", "style", "class", "id", "align", "valign", "bgcolor", "dir", "lang", "title")
            .addAttributes("font", "color", "face", "size")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "bgcolor", "width")
            .addAttributes("td", "bgcolor", "width", "height", "nowrap")
            .addAttributes("th", "bgcolor", "width", "height", "nowrap")
            .addAttributes("img", "srcset")
            .addProtocols("img", "src", "data", "http", "https")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(false);

    /**
     * @param html the HTML of a text/html part (any well- or ill-formed markup)
     * @param inlineImages the message's image parts by Content-ID (without angle brackets)
     * @return the sanitized body and the remote origins it still references
     */
    public SanitizedHtml sanitize(String html, Map<String, InlineImage> inlineImages) {
        Document dirty = Jsoup.parse(html);
        // <style> sheets in <head> would be lost (the cleaner keeps only the body): move them in.
        for (Element style : dirty.head().select("style")) {
            dirty.body().prependChild(style.clone());
        }
        inlineContentIds(dirty, inlineImages);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return new SanitizedHtml(clean.body().html(), remoteOrigins(clean));
    }

    private static void inlineContentIds(Document document, Map<String, InlineImage> inlineImages) {
        for (Element img : document.select("img[src]")) {
            String src = img.attr("src").trim();
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                InlineImage image = inlineImages.get(src.substring(4));
                if (image != null && image.mediaType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                    img.attr("src", "data:" + image.mediaType() + ";base64,"
                            + Base64.getEncoder().encodeToString(image.bytes()));
                } else {
                    img.removeAttr("src");
                }
            }
        }
    }

    private static Set<URI> remoteOrigins(Document clean) {
        Set<URI> origins = new LinkedHashSet<>();
        for (Element img : clean.select("img[src]")) {
            addOrigin(origins, img.attr("src"));
        }
        for (Element img : clean.select("img[srcset]")) {
            Matcher matcher = SRCSET_URL.matcher(img.attr("srcset"));
            while (matcher.find()) {
                addOrigin(origins, matcher.group(1));
            }
        }
        for (Element styled : clean.select("[style]")) {
            addCssOrigins(origins, styled.attr("style"));
        }
        for (Element style : clean.select("style")) {
            for (DataNode data : style.dataNodes()) {
                addCssOrigins(origins, data.getWholeData());
            }
        }
        return origins;
    }

    private static void addCssOrigins(Set<URI> origins, String css) {
        Matcher matcher = CSS_URL.matcher(css);
        while (matcher.find()) {
            addOrigin(origins, matcher.group(2) != null ? matcher.group(2) : matcher.group(4));
        }
    }

    private static void addOrigin(Set<URI> origins, String reference) {
        String trimmed = reference.trim();
        if (trimmed.startsWith("//")) {
            trimmed = "https:" + trimmed;
        }
        try {
            RemoteContentGate.originOf(new URI(trimmed)).ifPresent(origins::add);
        } catch (URISyntaxException e) {
            // not a loadable URL: nothing to permit, and WebKit cannot fetch it either
        }
    }
}

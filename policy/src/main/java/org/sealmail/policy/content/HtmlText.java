package org.sealmail.policy.content;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Converts HTML to the text a reader sees (jsoup): entities decoded, scripts, styles and
 * attributes (so link targets) dropped, block elements and {@code <br>} as line breaks, table
 * cells separated by a tab. Keeping line structure keeps separate numbers apart.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "blockquote", "table", "ul", "ol", "dl", "dt", "dd", "hr", "section", "article", "header", "footer",
            "address");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlText() {
    }

    /**
     * @param html an HTML document or fragment
     * @return its visible text
     */
    public static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipping;
            private int preformatted;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    String name = element.normalName();
                    if (SKIPPED.contains(name)) {
                        skipping++;
                    } else if (BLOCKS.contains(name)) {
                        newline(out);
                        if (name.equals("pre")) {
                            preformatted++;
                        }
                    } else if (name.equals("td") || name.equals("th")) {
                        out.append('\t');
                    }
                } else if (node instanceof TextNode text && skipping == 0) {
                    out.append(preformatted > 0 ? text.getWholeText() : text.getWholeText().replaceAll("\\s+", " "));
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String name = element.normalName();
                    if (SKIPPED.contains(name)) {
                        skipping--;
                    } else if (BLOCKS.contains(name)) {
                        newline(out);
                        if (name.equals("pre")) {
                            preformatted--;
                        }
                    }
                }
            }
        }, Jsoup.parse(html));
        return out.toString().strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}

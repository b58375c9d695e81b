package org.sealmail.app.ui.reader;

/** What the reader does with remote content (images, style sheets on web servers) in HTML mail. */
public enum RemoteContentPolicy {
    /** Block, and offer a bar to load it for unencrypted mail (the default). */
    BLOCK_AND_ASK,
    /** Block and never offer to load it. */
    BLOCK_ALWAYS
}

package org.sealmail.mailstore.server;

/**
 * Which message bodies the sync downloads right after the envelopes; every other body is fetched
 * on demand when opened.
 *
 * @param maxBytes bodies of messages up to this RFC822.SIZE (bytes) are fetched during sync;
 *                 0 means none (on demand only), {@link Long#MAX_VALUE} means all
 */
public record BodyPolicy(long maxBytes) {

    /** @throws IllegalArgumentException if maxBytes is negative */
    public BodyPolicy {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
    }

    /** @return envelopes and structure only; bodies when opened */
    public static BodyPolicy onDemand() {
        return new BodyPolicy(0);
    }

    /** @return every body during sync (offline use) */
    public static BodyPolicy all() {
        return new BodyPolicy(Long.MAX_VALUE);
    }

    /**
     * @param bytes the size limit
     * @return bodies of messages up to that size during sync
     */
    public static BodyPolicy upTo(long bytes) {
        return new BodyPolicy(bytes);
    }

    /**
     * @param size the message's RFC822.SIZE in bytes
     * @return whether the sync should download it now
     */
    public boolean fetchesDuringSync(long size) {
        return maxBytes > 0 && size <= maxBytes;
    }
}

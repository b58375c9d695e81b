package org.sealmail.policy.regex;

import java.util.Objects;

/**
 * A {@link CharSequence} that checks a {@link Deadline} while a {@link java.util.regex.Matcher}
 * reads it. {@code java.util.regex} has no timeout, but every step of matching, backtracking
 * included, reads characters through {@link #charAt}; checking the clock there (every
 * {@value #CHECK_INTERVAL} reads) stops even a catastrophic pattern within a bound, on the
 * calling thread, with no extra thread and no library.
 */
public final class DeadlineCharSequence implements CharSequence {

    /** How many {@link #charAt} calls pass between two clock reads. */
    static final int CHECK_INTERVAL = 256;

    private final CharSequence text;
    private final Deadline deadline;
    private int reads;

    /**
     * @param text the text to match
     * @param deadline when matching must stop
     */
    public DeadlineCharSequence(CharSequence text, Deadline deadline) {
        this.text = Objects.requireNonNull(text, "text");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * @throws DeadlineExceededException when the deadline has passed or the thread was interrupted
     */
    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_INTERVAL) {
            reads = 0;
            deadline.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** @return the plain sub-sequence (group extraction does not need the deadline) */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

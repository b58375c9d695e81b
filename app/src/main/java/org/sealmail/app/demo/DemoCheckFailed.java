package org.sealmail.app.demo;

/** A check of the demo story did not hold; the message says what was expected and what was seen. */
final class DemoCheckFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoCheckFailed(String message) {
        super(message);
    }

    /**
     * @param condition what must hold
     * @param otherwise what to report when it does not
     * @throws DemoCheckFailed when the condition is false
     */
    static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new DemoCheckFailed(otherwise);
        }
    }
}

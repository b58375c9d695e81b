package org.sealmail.app.ui.reader;

import java.util.Objects;

/**
 * The result of a reader command: done, or refused with the resource-bundle key of a message
 * that says why.
 *
 * @param done whether the command ran
 * @param refusalKey the bundle key of the reason when refused (empty when done)
 */
public record CommandResult(boolean done, String refusalKey) {

    private static final CommandResult DONE = new CommandResult(true, "");

    /** Rejects a null key and a refusal without a reason. */
    public CommandResult {
        Objects.requireNonNull(refusalKey, "refusalKey");
        if (!done && refusalKey.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    /** @return the result of a command that ran */
    public static CommandResult ran() {
        return DONE;
    }

    /**
     * @param key resource-bundle key of the reason
     * @return a refusal
     */
    public static CommandResult refused(String key) {
        return new CommandResult(false, key);
    }
}

package org.sealmail.app.ui.task;

/**
 * A progress report of background work.
 *
 * @param done units done (for example messages synchronized or bytes sent)
 * @param total units in all, or -1 when unknown
 * @param message a short, already localized description of the current step (may be empty)
 */
public record Progress(long done, long total, String message) {

    /** @return the fraction done in [0, 1], or -1 when the total is unknown */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}

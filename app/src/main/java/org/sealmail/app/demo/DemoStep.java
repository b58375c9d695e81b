package org.sealmail.app.demo;

import java.util.Objects;

/**
 * One step of the demo story and how it went.
 *
 * @param name what the step does ("alice sends Do Not Forward")
 * @param held whether everything the step checks held
 * @param outcome what was observed, one line
 */
public record DemoStep(String name, boolean held, String outcome) {

    /** Rejects nulls. */
    public DemoStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** @return the line printed for this step: {@code [ ok ] NAME: OUTCOME} or {@code [FAIL] ...} */
    public String line() {
        return (held ? "[ ok ] " : "[FAIL] ") + name + ": " + outcome;
    }
}

package org.sealmail.app.ui.rules;

import java.util.List;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.editor.RulesEditorModel;

/**
 * The profile's protection rules file (docs/protection-rules.md) as the client edits it: its
 * state, its text, validation, saving (which puts a valid file in force and leaves the previous
 * rules in force otherwise) and testing edited text against a message. File I/O, parsing and
 * evaluation: call in the background.
 */
public interface ProtectionRules {

    /** @return whether rules are in force, how many, and the problems of the last rejected load */
    RulesStatus status();

    /**
     * @return the rules file's text as last loaded or saved (empty when there is no file yet)
     * @throws java.io.UncheckedIOException when the file exists but cannot be read
     */
    String text();

    /**
     * @param text edited rules text
     * @return its problems in line order (file, line, reason); empty when it would load
     */
    List<PolicyFileProblem> validate(String text);

    /**
     * Writes the text and puts it in force, only if the whole text loads.
     *
     * @param text edited rules text
     * @return saved with the number of rules, or not saved with every problem (the file and the rules in force untouched)
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    RulesEditorModel.SaveResult save(String text);

    /**
     * Evaluates edited text against a message without saving it.
     *
     * @param text edited rules text
     * @param message an RFC 5322 message (an .eml file's bytes)
     * @return the decision (which rules fire, types and counts), or the problems that keep the text from loading
     */
    RulesEditorModel.TestOutcome test(String text, byte[] message);
}

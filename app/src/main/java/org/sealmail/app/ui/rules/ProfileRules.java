package org.sealmail.app.ui.rules;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.editor.RulesEditorModel;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleSetHolder;

/**
 * The rules file of a profile: {@code PROFILE/policy/protection.rules}, with the template and
 * branding files it names beside it (docs/protection-rules.md, "The rules file of a profile").
 * Edits go through {@link RulesEditorModel} and are put in force in the same
 * {@link RuleSetHolder} the send path reads, so a saved file applies to the next message.
 */
public final class ProfileRules implements ProtectionRules {

    /** The rules file's directory inside a profile. */
    public static final String DIRECTORY = "policy";
    /** The rules file's name. */
    public static final String FILE_NAME = "protection.rules";

    private final RuleSetHolder holder;
    private final RulesEditorModel editor;

    /**
     * @param holder the rules in force, with the profile's rules file configured
     * @throws IllegalArgumentException if the holder has no rules file
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public ProfileRules(RuleSetHolder holder) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.editor = new RulesEditorModel(holder);
    }

    /**
     * @param profile a profile directory
     * @return where its rules file is, or would be
     */
    public static Path location(Path profile) {
        return profile.resolve(DIRECTORY).resolve(FILE_NAME);
    }

    /**
     * Loads a profile's rules as the client does at start: no file, no rules; a file that does not
     * load holds outgoing mail until it is fixed.
     *
     * @param profile a profile directory
     * @return the holder the send path and the editor share
     */
    public static RuleSetHolder loadAtStart(Path profile) {
        return RuleSetHolder.loadIfPresent(location(profile));
    }

    @Override
    public synchronized RulesStatus status() {
        return new RulesStatus(editor.file().toString(), holder.current().isEmpty(),
                holder.current().map(rules -> rules.rules().size()).orElse(0), holder.problems());
    }

    @Override
    public synchronized String text() {
        return editor.savedText();
    }

    @Override
    public List<PolicyFileProblem> validate(String text) {
        return editor.validate(text);
    }

    @Override
    public synchronized RulesEditorModel.SaveResult save(String text) {
        try {
            return editor.save(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules file " + editor.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RulesEditorModel.TestOutcome test(String text, byte[] message) {
        MimeMessage parsed;
        try {
            parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
        } catch (MessagingException e) {
            return new RulesEditorModel.TestOutcome(List.of(), java.util.Optional.of(PolicyDecision.held(
                    "the message cannot be read: " + e.getMessage(), List.of())));
        }
        return editor.test(text, parsed);
    }
}

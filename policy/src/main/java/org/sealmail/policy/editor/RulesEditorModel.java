package org.sealmail.policy.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jakarta.mail.internet.MimeMessage;
import org.sealmail.policy.content.MessageContentExtractor;
import org.sealmail.policy.content.UnreadableMessageException;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleEvaluator;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.rules.RuleSet;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.rules.RulesFileParser;

/**
 * The logic behind the client's rules editor, without any toolkit: validate the text being
 * edited (problems with line numbers, for markers in the editor), save it (only when it parses,
 * so the file on disk is always one the client accepts), and reload the file from disk. Saving
 * and reloading put the file in force through the {@link RuleSetHolder}.
 */
public final class RulesEditorModel {

    private final RuleSetHolder holder;
    private final Path file;
    private String savedText;

    /**
     * @param holder the rules in force; it must have a rules file (which need not exist yet)
     * @throws IllegalArgumentException if the holder has no rules file
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public RulesEditorModel(RuleSetHolder holder) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.file = holder.file().orElseThrow(() -> new IllegalArgumentException("no rules file is configured"));
        this.savedText = readOrEmpty(file);
    }

    /** @return the rules file edited */
    public Path file() {
        return file;
    }

    /** @return the text last saved or loaded (what is on disk) */
    public String savedText() {
        return savedText;
    }

    /**
     * @param text the edited text
     * @return true if it differs from the saved text
     */
    public boolean isModified(String text) {
        return !savedText.equals(text);
    }

    /**
     * Checks edited text as the client would load it (templates and brandings relative to the rules file).
     *
     * @param text the edited text
     * @return its problems, in line order; empty if it would load
     */
    public List<PolicyFileProblem> validate(String text) {
        try {
            RulesFileParser.parse(text, file.toString(), file.toAbsolutePath().getParent());
            return List.of();
        } catch (PolicyFileException e) {
            return e.problems();
        }
    }

    /**
     * Saves the text if it is valid and puts it in force.
     *
     * @param text the edited text
     * @return the outcome: saved with the number of rules, or not saved with the problems (the file is untouched)
     * @throws IOException if the file cannot be written
     */
    public SaveResult save(String text) throws IOException {
        RuleSet parsed;
        try {
            parsed = RulesFileParser.parse(text, file.toString(), file.toAbsolutePath().getParent());
        } catch (PolicyFileException e) {
            return new SaveResult(false, 0, e.problems());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".rules-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        savedText = text;
        RuleSetHolder.ReloadResult reload = holder.reload();
        if (!reload.applied()) {
            return new SaveResult(false, 0, reload.problems());
        }
        return new SaveResult(true, parsed.rules().size(), List.of());
    }

    /**
     * Evaluates edited text, as it would load, against a message: which rules fire, with their
     * reasons (types and counts, never matched values). Nothing is saved or put in force.
     *
     * @param text the edited rules text
     * @param message the message to test
     * @return the decision, or the problems that keep the text from loading
     */
    public TestOutcome test(String text, MimeMessage message) {
        RuleSet parsed;
        try {
            parsed = RulesFileParser.parse(text, file.toString(), file.toAbsolutePath().getParent());
        } catch (PolicyFileException e) {
            return new TestOutcome(e.problems(), Optional.empty());
        }
        try {
            return new TestOutcome(List.of(), Optional.of(new RuleEvaluator().evaluate(parsed,
                    MessageContentExtractor.extract(message))));
        } catch (UnreadableMessageException e) {
            return new TestOutcome(List.of(), Optional.of(PolicyDecision.held("the message cannot be checked against the"
                    + " rules: " + e.getMessage(), List.of())));
        }
    }

    /**
     * Reads the file again (after an outside edit) and puts it in force if it is valid.
     *
     * @return the file's text, to show in the editor, and whether it is in force
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public ReloadOutcome reload() {
        savedText = readOrEmpty(file);
        RuleSetHolder.ReloadResult result = holder.reload();
        return new ReloadOutcome(savedText, result.applied(), result.problems());
    }

    /** @throws UncheckedIOException if the file exists but cannot be read */
    private static String readOrEmpty(Path file) {
        try {
            return new String(org.sealmail.crypto.BoundedFiles.read(file, org.sealmail.crypto.BoundedFiles.TEXT_LIMIT),
                    StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The outcome of {@link #save}.
     *
     * @param saved whether the file was written and is in force
     * @param rules how many rules are in force, when saved
     * @param problems why not, otherwise
     */
    public record SaveResult(boolean saved, int rules, List<PolicyFileProblem> problems) {
        /** Copies the list. */
        public SaveResult {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The outcome of {@link #test}.
     *
     * @param problems why the text does not load (then there is no decision)
     * @param decision the rules' decision for the message, when the text loads
     */
    public record TestOutcome(List<PolicyFileProblem> problems, Optional<PolicyDecision> decision) {
        /** Copies the list. */
        public TestOutcome {
            problems = List.copyOf(problems);
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * The outcome of {@link #reload}.
     *
     * @param text the file's text
     * @param inForce whether it loaded and is in force
     * @param problems why it was rejected (the previous rules stay in force)
     */
    public record ReloadOutcome(String text, boolean inForce, List<PolicyFileProblem> problems) {
        /** Copies the list. */
        public ReloadOutcome {
            problems = List.copyOf(problems);
        }
    }
}

package org.sealmail.app.ui.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.editor.RulesEditorModel;

/**
 * The rules editor's state and commands, testable without the JavaFX toolkit: the text being
 * edited, Validate (every problem with its line, for a list that jumps to the line), Save (only
 * a text that loads as a whole; otherwise nothing is written and the previous rules stay in
 * force), and a test pane that evaluates the edited text against pasted text or an .eml file.
 * Reading, parsing, saving and evaluating run in the background.
 */
public final class RulesEditorViewModel {

    /**
     * A problem as the list shows it.
     *
     * @param line the 1-based line in the edited file, 0 when it concerns the whole file
     * @param display the localized line, e.g. "Line 22: unknown template 'legl' ..."
     */
    public record ProblemItem(int line, String display) {
        /** Rejects a null text. */
        public ProblemItem {
            Objects.requireNonNull(display, "display");
        }
    }

    /**
     * Where a line is in the text, as character offsets.
     *
     * @param start the offset of its first character
     * @param end the offset just after its last character (before the line break)
     */
    public record LineRange(int start, int end) {
    }

    private final ProtectionRules rules;
    private final TaskExecutor executor;
    private final UiText text;
    private final DecisionText decisions;

    private final StringProperty rulesText = new SimpleStringProperty(this, "rulesText", "");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper(this, "savedText", "");
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper(this, "file", "");
    private final ObservableList<ProblemItem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<RulesStatus> rulesStatus = new ReadOnlyObjectWrapper<>(this, "rulesStatus");
    private final StringProperty testRecipients = new SimpleStringProperty(this, "testRecipients", "");
    private final StringProperty testMessage = new SimpleStringProperty(this, "testMessage", "");
    private final ObservableList<String> testResults = FXCollections.observableArrayList();
    private final BooleanBinding modified = Bindings.createBooleanBinding(() -> !rulesText.get().equals(savedText.get()),
            rulesText, savedText);

    /**
     * @param rules the profile's rules (called in the background)
     * @param executor runs background work
     * @param text the UI strings
     */
    public RulesEditorViewModel(ProtectionRules rules, TaskExecutor executor, UiText text) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
        this.decisions = new DecisionText(text);
    }

    /** Reads the rules file and its state in the background and shows them. */
    public void load() {
        run("load rules", () -> new Loaded(rules.status(), rules.text()), loaded -> {
            file.set(loaded.status().file());
            savedText.set(loaded.text());
            rulesText.set(loaded.text());
            showStatus(loaded.status());
        });
    }

    private record Loaded(RulesStatus status, String text) {
    }

    private void showStatus(RulesStatus loaded) {
        rulesStatus.set(loaded);
        showProblems(loaded.problems());
        if (loaded.sendingHeld()) {
            status.set(text.get("rules.status.held", loaded.problems().size()));
        } else if (!loaded.problems().isEmpty()) {
            status.set(text.get("rules.status.rejected", loaded.rulesInForce(), loaded.problems().size()));
        } else {
            status.set(text.get("rules.status.in-force", loaded.rulesInForce()));
        }
    }

    /** Checks the edited text in the background and lists every problem with its line. */
    public void validate() {
        String edited = rulesText.get();
        run("validate rules", () -> rules.validate(edited), found -> {
            showProblems(found);
            status.set(found.isEmpty() ? text.get("rules.status.valid") : text.get("rules.status.invalid", found.size()));
        });
    }

    /**
     * Saves the edited text in the background if it loads as a whole; then it is in force. A text
     * with problems is not written: the problems are listed and the previous rules stay in force.
     */
    public void save() {
        String edited = rulesText.get();
        run("save rules", () -> new Saved(rules.save(edited), rules.status()), saved -> {
            rulesStatus.set(saved.status());
            if (saved.result().saved()) {
                savedText.set(edited);
                problems.clear();
                status.set(text.get("rules.status.saved", saved.result().rules()));
            } else {
                showProblems(saved.result().problems());
                status.set(text.get("rules.status.not-saved", saved.result().problems().size()));
            }
        });
    }

    private record Saved(RulesEditorModel.SaveResult result, RulesStatus status) {
    }

    /** Evaluates the edited text against the pasted text (a whole message, or a body to the test recipients). */
    public void testPastedText() {
        String edited = rulesText.get();
        String recipients = testRecipients.get();
        String pasted = testMessage.get();
        run("test rules", () -> rules.test(edited, PastedMessage.bytes(recipients, pasted)), this::showTest);
    }

    /**
     * Evaluates the edited text against a message file.
     *
     * @param eml an RFC 5322 message file (.eml)
     */
    public void testFile(Path eml) {
        String edited = rulesText.get();
        run("test rules", () -> rules.test(edited, Files.readAllBytes(eml)), outcome -> {
            showTest(outcome);
            testResults.add(0, text.get("rules.test.file", eml.getFileName()));
        });
    }

    private void showTest(RulesEditorModel.TestOutcome outcome) {
        if (outcome.decision().isEmpty()) {
            showProblems(outcome.problems());
            testResults.setAll(text.get("rules.test.invalid", outcome.problems().size()));
            return;
        }
        List<String> lines = decisions.lines(outcome.decision().get());
        testResults.setAll(lines.isEmpty() ? List.of(text.get("rules.test.none")) : lines);
    }

    private void showProblems(List<PolicyFileProblem> found) {
        problems.setAll(found.stream().map(problem -> new ProblemItem(problem.line(), problem.line() > 0
                ? text.get("rules.problem.line", problem.line(), problem.reason())
                : text.get("rules.problem.file", problem.file(), problem.reason()))).toList());
    }

    private <V> void run(String name, Callable<V> work, java.util.function.Consumer<V> onSuccess) {
        busy.set(true);
        TaskBuilder.create(work).named(name)
                .onSuccess(onSuccess)
                .onAnyError(failure -> status.set(text.get("rules.status.error", String.valueOf(failure.getMessage()))))
                .andFinally(() -> busy.set(false))
                .runOn(executor);
    }

    /**
     * @param line a 1-based line number
     * @return where that line is in the edited text (the last line's end if it is past the end)
     */
    public LineRange lineRange(int line) {
        String edited = rulesText.get();
        int start = 0;
        for (int current = 1; current < line; current++) {
            int next = edited.indexOf('\n', start);
            if (next < 0) {
                return new LineRange(edited.length(), edited.length());
            }
            start = next + 1;
        }
        int end = edited.indexOf('\n', start);
        end = end < 0 ? edited.length() : end;
        if (end > start && edited.charAt(end - 1) == '\r') {
            end--;
        }
        return new LineRange(start, end);
    }

    /** @return the text being edited */
    public StringProperty rulesTextProperty() {
        return rulesText;
    }

    /** @return whether the edited text differs from the file */
    public BooleanBinding modifiedProperty() {
        return modified;
    }

    /** @return the rules file's path */
    public ReadOnlyStringProperty fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** @return the problems of the last validation, save or load, in line order */
    public ObservableList<ProblemItem> problems() {
        return problems;
    }

    /** @return the outcome of the last command, localized */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return whether a command runs in the background */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return the state of the rules in force after the last load or save (null before the first load) */
    public ReadOnlyObjectProperty<RulesStatus> rulesStatusProperty() {
        return rulesStatus.getReadOnlyProperty();
    }

    /** @return the recipients of a pasted body (comma-separated) */
    public StringProperty testRecipientsProperty() {
        return testRecipients;
    }

    /** @return the pasted text: a whole message with headers, or a body */
    public StringProperty testMessageProperty() {
        return testMessage;
    }

    /** @return which rules fire for the test message, with types and counts, localized */
    public ObservableList<String> testResults() {
        return testResults;
    }
}

package org.sealmail.app.ui.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.RightsProtection;
import org.sealmail.app.ui.rules.DecisionText;
import org.sealmail.app.ui.task.TaskBuilder;
import org.sealmail.app.ui.task.TaskExecutor;
import org.sealmail.policy.rules.AppliedTemplate;
import org.sealmail.policy.rules.FiredRule;
import org.sealmail.policy.rules.PolicyDecision;
import org.sealmail.policy.rules.RuleAction;
import org.sealmail.policy.rules.TemplateStrength;

/**
 * The composer's state and commands, testable without the JavaFX toolkit: recipients, subject,
 * body (plain or HTML), attachments, the protection toggles (Encrypt, Do Not Forward, a custom
 * template, S/MIME Sign, S/MIME Encrypt), the per-recipient readiness check that blocks sending,
 * draft autosave and sending through the outbox with progress. Before sending (and whenever
 * {@link #checkRules()} is called) the protection rules are evaluated through the outbox: the
 * rules that fired are listed with their actions, sensitive types and counts (never a matched
 * value); a rule's template switches and locks the protection, a signing rule turns Sign on, a
 * blocking or held decision refuses to send, and a warning asks for the override reason.
 */
public final class ComposeViewModel {

    /** The state of sending. */
    public enum SendState {
        /** Being edited. */
        EDITING,
        /** Being protected, queued and submitted. */
        SENDING,
        /** Submitted. */
        SENT,
        /** Failed; see the error. */
        FAILED
    }

    private final long accountId;
    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final DraftStore drafts;
    private final TaskExecutor executor;
    private final UiText text;

    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty cc = new SimpleStringProperty(this, "cc", "");
    private final StringProperty bcc = new SimpleStringProperty(this, "bcc", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final BooleanProperty html = new SimpleBooleanProperty(this, "html");
    private final ObservableList<OutgoingAttachment> attachments = FXCollections.observableArrayList();
    private final BooleanProperty encrypt = new SimpleBooleanProperty(this, "encrypt");
    private final BooleanProperty doNotForward = new SimpleBooleanProperty(this, "doNotForward");
    private final ObjectProperty<TemplateOption> customTemplate = new SimpleObjectProperty<>(this, "customTemplate");
    private final BooleanProperty sign = new SimpleBooleanProperty(this, "sign");
    private final BooleanProperty smimeEncrypt = new SimpleBooleanProperty(this, "smimeEncrypt");
    private final ObservableList<RecipientReadiness> readiness = FXCollections.observableArrayList();
    private final ObservableList<String> blockedReasons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SendState> state = new ReadOnlyObjectWrapper<>(this, "state", SendState.EDITING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final StringProperty overrideReason = new SimpleStringProperty(this, "overrideReason", "");
    private final ReadOnlyBooleanWrapper overrideRequested = new ReadOnlyBooleanWrapper(this, "overrideRequested");
    private final ObservableList<String> ruleLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper protectionLock = new ReadOnlyStringWrapper(this, "protectionLock", "");
    private final ReadOnlyBooleanWrapper templateLocked = new ReadOnlyBooleanWrapper(this, "templateLocked");
    private final ReadOnlyBooleanWrapper signLocked = new ReadOnlyBooleanWrapper(this, "signLocked");
    private final DecisionText decisions;
    private long rulesGeneration;
    private final List<TemplateOption> templates;
    private OptionalLong draftId = OptionalLong.empty();
    private Optional<Long> inReplyTo = Optional.empty();
    private long checkGeneration;
    private boolean adjusting;

    /**
     * @param accountId the sending account
     * @param directory recipient completion and readiness (called in the background)
     * @param outbox protects, queues and submits (called in the background)
     * @param drafts saves drafts (called in the background)
     * @param templates the rights templates on offer (built-in and custom)
     * @param executor runs background work
     * @param text the UI strings
     */
    public ComposeViewModel(long accountId, RecipientDirectory directory, Outbox outbox, DraftStore drafts,
            List<TemplateOption> templates, TaskExecutor executor, UiText text) {
        this.accountId = accountId;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.templates = List.copyOf(templates);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.text = Objects.requireNonNull(text, "text");
        this.decisions = new DecisionText(text);
        ChangeListener<Object> markDirty = (obs, old, value) -> dirty.set(true);
        Stream.of(to, cc, bcc, subject, body, html).forEach(p -> p.addListener(markDirty));
        attachments.addListener((javafx.collections.ListChangeListener<OutgoingAttachment>) change -> dirty.set(true));
        encrypt.addListener((obs, old, on) -> exclusive(on, encrypt));
        doNotForward.addListener((obs, old, on) -> exclusive(on, doNotForward));
        customTemplate.addListener((obs, old, template) -> exclusive(template != null, customTemplate));
        sign.addListener((obs, old, on) -> exclusive(on, sign));
        smimeEncrypt.addListener((obs, old, on) -> exclusive(on, smimeEncrypt));
    }

    /** Keeps the choice valid: one rights template at most, and rights templates exclude S/MIME. */
    private void exclusive(boolean on, Object changed) {
        if (adjusting) {
            return;
        }
        adjusting = true;
        try {
            if (on) {
                boolean rightsChosen = changed == encrypt || changed == doNotForward || changed == customTemplate;
                if (rightsChosen) {
                    if (changed != encrypt) {
                        encrypt.set(false);
                    }
                    if (changed != doNotForward) {
                        doNotForward.set(false);
                    }
                    if (changed != customTemplate) {
                        customTemplate.set(null);
                    }
                    sign.set(false);
                    smimeEncrypt.set(false);
                } else {
                    encrypt.set(false);
                    doNotForward.set(false);
                    customTemplate.set(null);
                }
            }
        } finally {
            adjusting = false;
        }
        dirty.set(true);
        checkRecipients();
    }

    /** @return the protection as chosen now */
    public ProtectionChoice protection() {
        Optional<String> template = encrypt.get() ? Optional.of(ProtectionChoice.ENCRYPT)
                : doNotForward.get() ? Optional.of(ProtectionChoice.DO_NOT_FORWARD)
                : Optional.ofNullable(customTemplate.get()).map(TemplateOption::id);
        return new ProtectionChoice(template, template.isEmpty() && sign.get(), template.isEmpty() && smimeEncrypt.get());
    }

    /**
     * Checks every recipient against the chosen protection in the background and updates the
     * readiness list and the reasons sending is blocked.
     */
    public void checkRecipients() {
        long generation = ++checkGeneration;
        ProtectionChoice choice = protection();
        Map<String, Optional<String>> entries = new LinkedHashMap<>();
        for (String entry : allEntries()) {
            entries.put(entry, AddressList.addrSpec(entry));
        }
        List<RecipientReadiness> pending = new ArrayList<>();
        entries.forEach((entry, spec) -> pending.add(new RecipientReadiness(spec.orElse(entry),
                spec.isEmpty() ? RecipientReadiness.Status.INVALID_ADDRESS
                        : choice.encrypts() ? RecipientReadiness.Status.CHECKING : RecipientReadiness.Status.READY)));
        readiness.setAll(pending);
        updateBlockedReasons();
        if (!choice.encrypts() || pending.stream().noneMatch(r -> r.status() == RecipientReadiness.Status.CHECKING)) {
            return;
        }
        List<String> toCheck = pending.stream().filter(r -> r.status() == RecipientReadiness.Status.CHECKING)
                .map(RecipientReadiness::address).toList();
        TaskBuilder.create(() -> toCheck.stream().map(address -> directory.readiness(address, choice)).toList())
                .named("check recipients")
                .onSuccess(results -> {
                    if (generation != checkGeneration) {
                        return;
                    }
                    Map<String, RecipientReadiness> byAddress = new LinkedHashMap<>();
                    results.forEach(r -> byAddress.put(r.address(), r));
                    readiness.replaceAll(r -> byAddress.getOrDefault(r.address(), r));
                    updateBlockedReasons();
                })
                .onAnyError(failure -> {
                    if (generation == checkGeneration) {
                        error.set(text.get("compose.error.check", String.valueOf(failure.getMessage())));
                    }
                })
                .runOn(executor);
    }

    private List<String> allEntries() {
        List<String> entries = new ArrayList<>(AddressList.entries(to.get()));
        entries.addAll(AddressList.entries(cc.get()));
        entries.addAll(AddressList.entries(bcc.get()));
        return entries;
    }

    private void updateBlockedReasons() {
        List<String> reasons = new ArrayList<>();
        if (readiness.isEmpty()) {
            reasons.add(text.get("compose.blocked.no-recipients"));
        }
        for (RecipientReadiness recipient : readiness) {
            switch (recipient.status()) {
                case INVALID_ADDRESS -> reasons.add(text.get("compose.blocked.invalid", recipient.address()));
                case NO_CERTIFICATE -> reasons.add(text.get("compose.blocked.no-certificate", recipient.address()));
                case RIGHTS_SERVER_UNAVAILABLE -> reasons.add(text.get("compose.blocked.rights-server", recipient.address()));
                case CHECKING -> reasons.add(text.get("compose.blocked.checking", recipient.address()));
                case READY -> { }
                default -> throw new IllegalStateException("unknown status " + recipient.status());
            }
        }
        blockedReasons.setAll(reasons);
    }

    /**
     * Sends in the background: first checks every recipient against the chosen protection (when it
     * encrypts), then protects, queues and submits through the outbox. When some recipient cannot
     * receive the protection nothing is sent and {@link #blockedReasons()} lists why.
     *
     * @return whether sending started (false when the addresses are invalid or missing, or a
     *         send is already running)
     */
    public boolean send() {
        if (state.get() == SendState.SENDING || state.get() == SendState.SENT) {
            return false;
        }
        List<String> entries = allEntries();
        if (entries.isEmpty() || entries.stream().anyMatch(entry -> AddressList.addrSpec(entry).isEmpty())) {
            checkRecipients();
            error.set(text.get("compose.error.blocked"));
            return false;
        }
        OutgoingMessage message = message();
        long generation = ++rulesGeneration;
        state.set(SendState.SENDING);
        error.set("");
        status.set(text.get("compose.status.checking-rules"));
        progress.set(-1);
        TaskBuilder.create(() -> outbox.check(message)).named("check rules before sending")
                .onSuccess(decision -> {
                    if (generation == rulesGeneration) {
                        afterRulesCheck(message, decision);
                    }
                })
                .onAnyError(failure -> failed(text.get("compose.error.rules", String.valueOf(failure.getMessage()))))
                .runOn(executor);
        return true;
    }

    private void afterRulesCheck(OutgoingMessage message, PolicyDecision decision) {
        boolean changed = applyRules(decision);
        switch (decision.verdict()) {
            case HOLD -> failed(text.get("compose.error.held", decision.holdReason().orElseThrow()));
            case BLOCK -> failed(text.get("compose.error.rule-blocked", decision.blockMessage().orElseThrow()));
            default -> {
                if (changed) {
                    state.set(SendState.EDITING);
                    status.set("");
                    progress.set(0);
                    error.set(text.get("compose.error.rules-changed"));
                } else if (decision.overrideRequired() && message.overrideReason().isEmpty()) {
                    overrideRequested.set(true);
                    failed(text.get("compose.error.override", String.join(" ", decision.warnings())));
                } else {
                    deliver(message);
                }
            }
        }
    }

    /** Checks the recipients for the chosen protection, then protects, queues and submits through the outbox. */
    private void deliver(OutgoingMessage message) {
        ProtectionChoice choice = message.protection();
        checkGeneration++;
        status.set(text.get("compose.status.sending"));
        TaskBuilder.createWithProgress(reporter -> {
            if (choice.encrypts()) {
                List<RecipientReadiness> checked = message.recipients().stream()
                        .map(address -> directory.readiness(address, choice)).toList();
                if (!checked.stream().allMatch(RecipientReadiness::ready)) {
                    return checked;
                }
            }
            outbox.send(message, reporter);
            return List.<RecipientReadiness>of();
        }).named("send message")
                .onProgress(step -> {
                    status.set(step.message());
                    progress.set(step.fraction());
                })
                .onSuccess(blocked -> {
                    if (!blocked.isEmpty()) {
                        readiness.setAll(blocked);
                        updateBlockedReasons();
                        state.set(SendState.EDITING);
                        status.set("");
                        progress.set(0);
                        error.set(text.get("compose.error.blocked"));
                        return;
                    }
                    state.set(SendState.SENT);
                    overrideRequested.set(false);
                    status.set(text.get("compose.status.sent"));
                    progress.set(1);
                    dirty.set(false);
                    draftId.ifPresent(this::deleteDraft);
                })
                .onError(SendFailure.class, failure -> {
                    overrideRequested.set(failure.overrideRequired());
                    failed(failure.overrideRequired() ? text.get("compose.error.override", failure.getMessage())
                            : failure.queued() ? text.get("compose.error.send-queued", failure.getMessage())
                            : text.get("compose.error.send", failure.getMessage()));
                })
                .onAnyError(failure -> failed(text.get("compose.error.send", String.valueOf(failure.getMessage()))))
                .runOn(executor);
    }

    /**
     * Evaluates the protection rules for the message as composed now, in the background, and shows
     * the outcome: the rules that fired and why, and the protection they require (switched on and
     * locked). Nothing is sent.
     */
    public void checkRules() {
        if (state.get() == SendState.SENDING || state.get() == SendState.SENT) {
            return;
        }
        long generation = ++rulesGeneration;
        OutgoingMessage message = message();
        TaskBuilder.create(() -> outbox.check(message)).named("check rules")
                .onSuccess(decision -> {
                    if (generation == rulesGeneration) {
                        applyRules(decision);
                    }
                })
                .onAnyError(failure -> {
                    if (generation == rulesGeneration) {
                        error.set(text.get("compose.error.rules", String.valueOf(failure.getMessage())));
                    }
                })
                .runOn(executor);
    }

    /**
     * Shows a decision and applies the protection it requires to the toggles: a rule's template
     * (unless the user chose a stronger one) is switched on and locked; a signing rule turns Sign on
     * and locks it (a rights template already signs).
     *
     * @return whether the protection shown changed
     */
    private boolean applyRules(PolicyDecision decision) {
        ruleLines.setAll(decisions.lines(decision));
        ProtectionChoice before = protection();
        templateLocked.set(false);
        signLocked.set(false);
        String lock = "";
        if (decision.template().isPresent()) {
            AppliedTemplate required = decision.template().get();
            String id = required.template().id();
            if (before.templateId().isEmpty() || TemplateStrength.stronger(id, before.templateId().get())) {
                chooseTemplate(id);
            }
            templateLocked.set(true);
            lock = text.get("compose.rules.lock.template", required.ruleName(), required.template().name());
        } else if (decision.signingRequired() && before.templateId().isEmpty()) {
            sign.set(true);
            signLocked.set(true);
            lock = text.get("compose.rules.lock.signing", String.join(", ", decision.firedRules().stream()
                    .filter(rule -> rule.actions().stream().anyMatch(RuleAction.RequireSigning.class::isInstance))
                    .map(FiredRule::name).toList()));
        }
        protectionLock.set(lock);
        return !protection().equals(before);
    }

    private void chooseTemplate(String id) {
        if (id.equals(ProtectionChoice.ENCRYPT)) {
            encrypt.set(true);
        } else if (id.equals(ProtectionChoice.DO_NOT_FORWARD)) {
            doNotForward.set(true);
        } else {
            templates.stream().filter(template -> template.id().equals(id)).findFirst().ifPresent(customTemplate::set);
        }
    }

    private void failed(String message) {
        state.set(SendState.FAILED);
        status.set("");
        progress.set(0);
        error.set(message);
    }

    private void deleteDraft(long id) {
        TaskBuilder.create(() -> {
            drafts.delete(id);
            return null;
        }).named("delete draft").runOn(executor);
        draftId = OptionalLong.empty();
    }

    /** Saves the draft in the background when something changed since the last save. */
    public void saveDraftIfDirty() {
        if (dirty.get() && state.get() != SendState.SENDING && state.get() != SendState.SENT) {
            saveDraft();
        }
    }

    /** Saves the draft in the background. */
    public void saveDraft() {
        OutgoingMessage draft = message();
        OptionalLong id = draftId;
        dirty.set(false);
        TaskBuilder.create(() -> drafts.save(id, draft))
                .named("save draft")
                .onSuccess(saved -> {
                    draftId = OptionalLong.of(saved);
                    status.set(text.get("compose.status.draft-saved"));
                })
                .onAnyError(failure -> {
                    dirty.set(true);
                    error.set(text.get("compose.error.draft", String.valueOf(failure.getMessage())));
                })
                .runOn(executor);
    }

    /**
     * Reads a file in the background and adds it as an attachment.
     *
     * @param file the file (from the dialog or drag and drop)
     */
    public void attach(Path file) {
        TaskBuilder.create(() -> {
            String type = Files.probeContentType(file);
            return new OutgoingAttachment(file.getFileName().toString(), type == null ? "application/octet-stream" : type,
                    Files.readAllBytes(file));
        }).named("read attachment")
                .onSuccess(attachments::add)
                .onAnyError(failure -> error.set(text.get("compose.error.attach", file.getFileName(),
                        String.valueOf(failure.getMessage()))))
                .runOn(executor);
    }

    /**
     * Fills the composer for a reply; replies to a protected message keep its protection.
     *
     * @param original the message replied to
     * @param all whether to reply to all
     * @param ownAddress the account's own address (left out of Cc)
     */
    public void prefillReply(OpenedMessage original, boolean all, String ownAddress) {
        to.set(original.from());
        if (all) {
            List<String> others = Stream.concat(original.to().stream(), original.cc().stream())
                    .filter(a -> !AddressList.addrSpec(a).map(s -> s.equalsIgnoreCase(ownAddress)).orElse(false))
                    .toList();
            cc.set(String.join(", ", others));
        }
        subject.set(original.subject().regionMatches(true, 0, "Re:", 0, 3) ? original.subject() : "Re: " + original.subject());
        body.set("\n\n" + quote(original));
        keepProtection(original);
        inReplyTo = Optional.of(original.id());
        dirty.set(false);
    }

    /**
     * Fills the composer for a forward; a forward of a protected message keeps its protection.
     *
     * @param original the message forwarded
     */
    public void prefillForward(OpenedMessage original) {
        subject.set(original.subject().regionMatches(true, 0, "Fwd:", 0, 4) ? original.subject() : "Fwd: " + original.subject());
        body.set("\n\n" + text.get("compose.forward.header", original.from(), original.subject()) + "\n" + quote(original));
        original.attachments().forEach(a -> attachments.add(new OutgoingAttachment(a.fileName(), a.mediaType(), a.bytes())));
        keepProtection(original);
        inReplyTo = Optional.of(original.id());
        dirty.set(false);
    }

    private void keepProtection(OpenedMessage original) {
        if (original.protection() instanceof RightsProtection rights) {
            templates.stream().filter(t -> t.name().equals(rights.templateName())).findFirst().ifPresentOrElse(t -> {
                if (t.id().equals(ProtectionChoice.ENCRYPT)) {
                    encrypt.set(true);
                } else if (t.id().equals(ProtectionChoice.DO_NOT_FORWARD)) {
                    doNotForward.set(true);
                } else {
                    customTemplate.set(t);
                }
            }, () -> doNotForward.set(true));
        } else if (original.protection().decrypted()) {
            smimeEncrypt.set(true);
        }
    }

    private static String quote(OpenedMessage original) {
        StringBuilder quoted = new StringBuilder();
        original.parts().stream().filter(p -> p.format() == org.sealmail.app.ui.reader.DisplayPart.Format.PLAIN)
                .findFirst().ifPresent(p -> p.content().lines().forEach(line -> quoted.append("> ").append(line).append('\n')));
        return quoted.toString();
    }

    /** @return the message as composed now */
    public OutgoingMessage message() {
        return new OutgoingMessage(accountId, specs(to.get()), specs(cc.get()), specs(bcc.get()), subject.get(),
                body.get(), html.get(), List.copyOf(attachments), protection(), inReplyTo,
                overrideReason.get().isBlank() ? Optional.empty() : Optional.of(overrideReason.get().strip()));
    }

    private static List<String> specs(String typed) {
        return AddressList.entries(typed).stream().map(AddressList::addrSpec).flatMap(Optional::stream).toList();
    }

    /** @return To, as typed */
    public StringProperty toProperty() {
        return to;
    }

    /** @return Cc, as typed */
    public StringProperty ccProperty() {
        return cc;
    }

    /** @return Bcc, as typed */
    public StringProperty bccProperty() {
        return bcc;
    }

    /** @return the subject */
    public StringProperty subjectProperty() {
        return subject;
    }

    /** @return the body (plain text or HTML) */
    public StringProperty bodyProperty() {
        return body;
    }

    /** @return whether the body is HTML */
    public BooleanProperty htmlProperty() {
        return html;
    }

    /** @return the attachments */
    public ObservableList<OutgoingAttachment> attachments() {
        return attachments;
    }

    /** @return the Encrypt toggle */
    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    /** @return the Do Not Forward toggle */
    public BooleanProperty doNotForwardProperty() {
        return doNotForward;
    }

    /** @return the chosen custom template (null when none) */
    public ObjectProperty<TemplateOption> customTemplateProperty() {
        return customTemplate;
    }

    /** @return the S/MIME Sign toggle */
    public BooleanProperty signProperty() {
        return sign;
    }

    /** @return the S/MIME Encrypt toggle */
    public BooleanProperty smimeEncryptProperty() {
        return smimeEncrypt;
    }

    /** @return the custom templates on offer (built-in ones have their own toggles) */
    public List<TemplateOption> customTemplates() {
        return templates.stream().filter(t -> !t.builtIn()).toList();
    }

    /** @return each recipient's readiness for the chosen protection */
    public ObservableList<RecipientReadiness> readiness() {
        return readiness;
    }

    /** @return why sending is blocked, localized (empty when it is not) */
    public ObservableList<String> blockedReasons() {
        return blockedReasons;
    }

    /** @return the state of sending */
    public ReadOnlyObjectProperty<SendState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** @return send progress in [0, 1], -1 when indeterminate */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return the current step, localized */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return the last error, localized (empty when none) */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the reason to send despite warning rules (asked for when {@link #overrideRequestedProperty()} is true) */
    public StringProperty overrideReasonProperty() {
        return overrideReason;
    }

    /** @return whether the rules warned and sending needs a reason */
    public ReadOnlyBooleanProperty overrideRequestedProperty() {
        return overrideRequested.getReadOnlyProperty();
    }

    /** @return the outcome of the last rules check, localized: fired rules with actions, types and counts, and the verdict */
    public ObservableList<String> ruleLines() {
        return ruleLines;
    }

    /** @return why the protection is locked by a rule, localized (empty when it is not) */
    public ReadOnlyStringProperty protectionLockProperty() {
        return protectionLock.getReadOnlyProperty();
    }

    /** @return whether a rule's template is applied: the protection toggles cannot lower it */
    public ReadOnlyBooleanProperty templateLockedProperty() {
        return templateLocked.getReadOnlyProperty();
    }

    /** @return whether a rule requires S/MIME signing: Sign cannot be turned off */
    public ReadOnlyBooleanProperty signLockedProperty() {
        return signLocked.getReadOnlyProperty();
    }

    /** @return whether something changed since the last draft save */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** @return the saved draft's id, if saved */
    public OptionalLong draftId() {
        return draftId;
    }

    /**
     * @param prefix what the user typed
     * @return completion suggestions (store I/O: call in the background)
     */
    public List<String> completions(String prefix) {
        return prefix == null || prefix.isBlank() ? List.of() : directory.complete(prefix.strip(), 10);
    }
}

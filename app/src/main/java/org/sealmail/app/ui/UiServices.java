package org.sealmail.app.ui;

import java.util.List;
import java.util.Objects;
import org.sealmail.app.ui.compose.DraftStore;
import org.sealmail.app.ui.compose.Outbox;
import org.sealmail.app.ui.compose.RecipientDirectory;
import org.sealmail.app.ui.compose.TemplateOption;
import org.sealmail.app.ui.mailbox.MailboxService;
import org.sealmail.app.ui.reader.MessageOpener;
import org.sealmail.app.ui.rules.ProtectionRules;
import org.sealmail.app.ui.settings.KeyRing;
import org.sealmail.app.ui.settings.PreferencesStore;
import org.sealmail.app.ui.setup.AccountSetupService;

/**
 * The service ports the desktop client runs on; the composition root passes implementations
 * (the store, transport and crypto modules, or in-memory twins in tests).
 *
 * @param mailbox accounts, folders, message lists, search, flags, sync status
 * @param opener opens messages (verify, decrypt, rights)
 * @param recipients completion and per-recipient readiness
 * @param outbox protect, queue and submit
 * @param drafts draft storage
 * @param templates rights templates on offer
 * @param keyRing own keys and trust anchors
 * @param preferences saved UI preferences
 * @param accountSetup autoconfiguration and account creation
 * @param rules the profile's protection rules (editor, state at start)
 */
public record UiServices(MailboxService mailbox, MessageOpener opener, RecipientDirectory recipients, Outbox outbox,
        DraftStore drafts, List<TemplateOption> templates, KeyRing keyRing, PreferencesStore preferences,
        AccountSetupService accountSetup, ProtectionRules rules) {

    /** Copies the template list and rejects nulls. */
    public UiServices {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(drafts, "drafts");
        templates = List.copyOf(templates);
        Objects.requireNonNull(keyRing, "keyRing");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(accountSetup, "accountSetup");
        Objects.requireNonNull(rules, "rules");
    }

    /**
     * @return the same services, each guarded so that a call on the JavaFX application thread
     *         fails at once (see {@link org.sealmail.app.ui.task.FxThreadCheck})
     */
    public UiServices guarded() {
        return new UiServices(
                org.sealmail.app.ui.task.FxThreadCheck.guard(MailboxService.class, mailbox),
                org.sealmail.app.ui.task.FxThreadCheck.guard(MessageOpener.class, opener),
                org.sealmail.app.ui.task.FxThreadCheck.guard(RecipientDirectory.class, recipients),
                org.sealmail.app.ui.task.FxThreadCheck.guard(Outbox.class, outbox),
                org.sealmail.app.ui.task.FxThreadCheck.guard(DraftStore.class, drafts), templates,
                org.sealmail.app.ui.task.FxThreadCheck.guard(KeyRing.class, keyRing),
                org.sealmail.app.ui.task.FxThreadCheck.guard(PreferencesStore.class, preferences),
                org.sealmail.app.ui.task.FxThreadCheck.guard(AccountSetupService.class, accountSetup),
                org.sealmail.app.ui.task.FxThreadCheck.guard(ProtectionRules.class, rules));
    }
}

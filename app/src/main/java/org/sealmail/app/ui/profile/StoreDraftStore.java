package org.sealmail.app.ui.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import jakarta.mail.MessagingException;
import org.sealmail.app.sending.OutgoingMimeBuilder;
import org.sealmail.app.sending.SenderIdentity;
import org.sealmail.app.ui.compose.DraftStore;
import org.sealmail.app.ui.compose.OutgoingMessage;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.mailstore.accounts.ComposeProtection;
import org.sealmail.mailstore.drafts.Draft;
import org.sealmail.mailstore.drafts.DraftRepository;

/**
 * {@link DraftStore} over the store's {@link DraftRepository}: a draft is kept as its MIME message
 * (RFC 5322, Bcc included); drafts that will be sent encrypted (Encrypt, Do Not Forward, custom
 * templates, S/MIME encryption) are sealed with the store key by the repository, so their
 * plaintext never lies on disk in clear.
 */
public final class StoreDraftStore implements DraftStore {

    /** The From of a draft whose account is not known (RFC 2606 reserves {@code .invalid}). */
    static final SenderIdentity NO_ACCOUNT = new SenderIdentity("", "draft@sealmail.invalid", Optional.empty());

    private final DraftRepository drafts;
    private final LongFunction<Optional<SenderIdentity>> senders;
    private final Clock clock;

    /**
     * @param drafts the store's drafts (opened with the secret store, for sealing)
     * @param senders the sending identity of an account id, empty when there is none
     * @param clock the save time
     */
    public StoreDraftStore(DraftRepository drafts, LongFunction<Optional<SenderIdentity>> senders, Clock clock) {
        this.drafts = Objects.requireNonNull(drafts, "drafts");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException when an address of the draft cannot be encoded
     * @throws org.sealmail.mailstore.StoreException REFUSED for a confidential draft without the store key
     */
    @Override
    public long save(OptionalLong draftId, OutgoingMessage draft) {
        SenderIdentity sender = senders.apply(draft.accountId()).orElse(NO_ACCOUNT);
        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        try {
            new OutgoingMimeBuilder(clock).build(draft, sender, true).writeTo(mime);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the draft cannot be saved as MIME: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        Long accountId = draft.accountId() > 0 ? draft.accountId() : null;
        return drafts.save(new Draft(draftId.orElse(0), accountId, protection(draft.protection()), draft.subject(),
                mime.toByteArray(), clock.instant(), clock.instant()), clock.instant());
    }

    @Override
    public void delete(long draftId) {
        drafts.delete(draftId);
    }

    /**
     * @param choice the composer's protection
     * @return the draft's protection class: every rights template and S/MIME encryption is confidential
     */
    static ComposeProtection protection(ProtectionChoice choice) {
        if (choice.templateId().isPresent()) {
            return choice.templateId().get().equals(ProtectionChoice.DO_NOT_FORWARD) ? ComposeProtection.DO_NOT_FORWARD
                    : ComposeProtection.ENCRYPT;
        }
        if (choice.smimeEncrypt()) {
            return ComposeProtection.SMIME_SIGN_AND_ENCRYPT;
        }
        return choice.smimeSign() ? ComposeProtection.SMIME_SIGN : ComposeProtection.NONE;
    }
}

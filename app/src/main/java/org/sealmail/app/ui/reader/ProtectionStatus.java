package org.sealmail.app.ui.reader;

import java.util.EnumSet;
import java.util.Set;
import org.sealmail.crypto.rights.UsageRight;

/**
 * What the reader knows about a message's protection: nothing, a rights-protected message
 * ({@link RightsProtection}) or S/MIME ({@link SmimeProtection}). The protection bar renders it
 * and {@link RightsGuard} enforces the rights it grants.
 */
public sealed interface ProtectionStatus permits ProtectionStatus.Unprotected, RightsProtection, SmimeProtection {

    /** @return the rights the reader holds on the content */
    Set<UsageRight> rights();

    /** @return whether the message's content may be shown at all */
    boolean contentAvailable();

    /** @return whether the content came out of decryption (then remote content is never loaded) */
    boolean decrypted();

    /** An ordinary message: every right, no decryption. */
    record Unprotected() implements ProtectionStatus {
        @Override
        public Set<UsageRight> rights() {
            return EnumSet.allOf(UsageRight.class);
        }

        @Override
        public boolean contentAvailable() {
            return true;
        }

        @Override
        public boolean decrypted() {
            return false;
        }
    }
}

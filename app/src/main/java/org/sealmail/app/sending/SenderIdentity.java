package org.sealmail.app.sending;

import java.util.Optional;
import org.sealmail.crypto.keys.CertifiedKey;

/**
 * Who sends from an account.
 *
 * @param name the display name for From
 * @param address the From address
 * @param key the sender's current S/MIME key, needed to sign and to protect (the sender can
 *            always read what they protected)
 */
public record SenderIdentity(String name, String address, Optional<CertifiedKey> key) {
}

package org.sealmail.app.ui.mailbox;

/** How a message is protected, as detected from its MIME structure; drives the list's icon. */
public enum ProtectionKind {
    /** An ordinary message. */
    NONE,
    /** S/MIME signed (multipart/signed or signed-data), not encrypted. */
    SMIME_SIGNED,
    /** S/MIME encrypted (enveloped-data or authEnveloped-data), possibly also signed. */
    SMIME_ENCRYPTED,
    /** A rights-protected message (Encrypt, Do Not Forward or a custom template). */
    RIGHTS_PROTECTED
}

package org.sealmail.mailstore.imap;

import java.util.Locale;

/**
 * What a folder is for, from the IMAP SPECIAL-USE attributes (RFC 6154 §2) or, for the inbox,
 * from its reserved name (RFC 3501 §5.1).
 */
public enum FolderRole {
    INBOX(null),
    SENT("\\Sent"),
    DRAFTS("\\Drafts"),
    TRASH("\\Trash"),
    JUNK("\\Junk"),
    ARCHIVE("\\Archive"),
    ALL("\\All"),
    FLAGGED("\\Flagged"),
    /** An ordinary folder. */
    NONE(null);

    private final String attribute;

    FolderRole(String attribute) {
        this.attribute = attribute;
    }

    /** @return the RFC 6154 attribute, e.g. {@code \Sent}, or null for INBOX and NONE */
    public String attribute() {
        return attribute;
    }

    /**
     * The role a folder's last name segment suggests, for servers without SPECIAL-USE
     * (the names common clients and servers create).
     *
     * @param leafName the last segment of the folder name
     * @return the role, or NONE
     */
    public static FolderRole byCommonName(String leafName) {
        return switch (leafName.toLowerCase(Locale.ROOT)) {
            case "sent", "sent items", "sent messages", "sent mail" -> SENT;
            case "drafts", "draft" -> DRAFTS;
            case "trash", "deleted items", "deleted messages", "bin" -> TRASH;
            case "junk", "spam", "junk e-mail", "junk email" -> JUNK;
            case "archive", "archives" -> ARCHIVE;
            default -> NONE;
        };
    }

    /**
     * @param fullName the folder's full name on the server
     * @param attributes its LIST attributes
     * @return the role: INBOX by name (case-insensitive), else the first special-use attribute, else NONE
     */
    public static FolderRole of(String fullName, String[] attributes) {
        if ("INBOX".equals(fullName.toUpperCase(Locale.ROOT))) {
            return INBOX;
        }
        if (attributes != null) {
            for (String attr : attributes) {
                for (FolderRole role : values()) {
                    if (role.attribute != null && role.attribute.equalsIgnoreCase(attr)) {
                        return role;
                    }
                }
            }
        }
        return NONE;
    }
}

package org.sealmail.app.ui.reader;

/**
 * Saves an attachment to a file the user chooses. Reached only after {@link RightsGuard} allowed
 * {@link ReaderAction#SAVE} (the EXPORT right).
 */
@FunctionalInterface
public interface AttachmentSaver {

    /**
     * @param attachment the attachment to save
     */
    void save(AttachmentInfo attachment);
}

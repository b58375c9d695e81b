package org.sealmail.policy.send;

/** What became of a send request. */
public enum SendStatus {
    /** In the outbox, with the protection the rules require. */
    QUEUED,
    /** Not sent: a rule blocks it. */
    BLOCKED,
    /** Not sent yet: rules warned and the user must give a reason to override. */
    OVERRIDE_REQUIRED,
    /** Not sent: the rules could not be applied, or the required protection could not be (see the explanation). */
    HELD
}

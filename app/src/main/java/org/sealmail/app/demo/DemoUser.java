package org.sealmail.app.demo;

/** The two people of the demo: alice sends, bob receives. */
public enum DemoUser {
    /** The sender. */
    ALICE,
    /** The recipient. */
    BOB
}

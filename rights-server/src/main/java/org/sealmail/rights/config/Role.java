package org.sealmail.rights.config;

/** What one process of the server jar serves. */
public enum Role {
    /** The rights server: registration, passcodes, use licenses, revocation, access log, web reader. */
    RIGHTS_SERVER,
    /** The organisation's key service of double key encryption: unwraps share B for holders of a use license. */
    KEY_SERVICE
}

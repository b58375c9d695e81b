package org.sealmail.mailstore.autoconfig;

/** Where discovered server settings came from. */
public enum DiscoverySource {
    /** An autoconfig XML file (Thunderbird ISPDB format) served by the mail domain over HTTPS. */
    AUTOCONFIG,
    /** DNS SRV records (RFC 6186, RFC 8314 §5.1). */
    SRV,
    /** Common host names (imap.DOMAIN, mail.DOMAIN, smtp.DOMAIN) that accepted a connection. */
    GUESS
}

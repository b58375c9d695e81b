package org.sealmail.crypto.rights.message;

/**
 * The identifiers of Sealmail's protected message format (docs/protected-message-format.md).
 * The object identifiers sit under Sealmail's own arc, a UUID-derived OID (ITU-T X.667,
 * arc {@code 2.25}) that needs no registration.
 */
public final class ProtectedMessageFormat {

    /** Media type of the protected blob: a DER CMS ContentInfo (AuthEnvelopedData); {@code +der} per RFC 6839. */
    public static final String MEDIA_TYPE = "application/vnd.sealmail.protected+der";
    /** File name of the protected blob attachment. */
    public static final String FILE_NAME = "message.sealmail";
    /** Outer header naming the format version and the content id. */
    public static final String HEADER = "X-Sealmail-Protection";
    /** Format version written in {@link #HEADER}. */
    public static final int VERSION = 1;
    /** Sealmail's OID arc: 2.25 followed by the UUID 778e41cc-59a5-4010-bae7-64c2057a6174 as an integer. */
    public static final String OID_ARC = "2.25.158916772199230265841713574068541350260";
    /** Signed attribute of the inner SignedData: the publishing license JWS as a UTF8String. */
    public static final String PUBLISHING_LICENSE_ATTRIBUTE = OID_ARC + ".1.1";
    /** Authenticated attribute of the AuthEnvelopedData: the content id as a UTF8String. */
    public static final String CONTENT_ID_ATTRIBUTE = OID_ARC + ".1.2";

    private ProtectedMessageFormat() {
    }
}

package org.sealmail.mailstore.autoconfig;

/**
 * A DNS SRV record (RFC 2782).
 *
 * @param priority lower is preferred
 * @param weight among equal priorities, higher is preferred
 * @param port the service's TCP port
 * @param target the host, without trailing dot; "." (empty here) means "service not offered"
 */
public record SrvRecord(int priority, int weight, int port, String target) {

    /**
     * @param rdata the record's text as JNDI DNS returns it, e.g. {@code "0 1 993 imap.example.org."}
     * @return the record
     * @throws IllegalArgumentException if it is not four fields
     */
    public static SrvRecord parse(String rdata) {
        String[] fields = rdata.trim().split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("not an SRV record: '" + rdata + "'");
        }
        String target = fields[3].endsWith(".") ? fields[3].substring(0, fields[3].length() - 1) : fields[3];
        return new SrvRecord(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), target);
    }

    /** @return whether the record says the service is not offered (target ".", RFC 2782) */
    public boolean notOffered() {
        return target.isEmpty();
    }
}

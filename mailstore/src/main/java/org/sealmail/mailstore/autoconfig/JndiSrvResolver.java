package org.sealmail.mailstore.autoconfig;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SrvResolver} through the JDK's JNDI DNS provider and the system's resolvers. */
public final class JndiSrvResolver implements SrvResolver {

    private static final Logger LOG = LoggerFactory.getLogger(JndiSrvResolver.class);

    @Override
    public List<SrvRecord> lookup(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        List<SrvRecord> records = new ArrayList<>();
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes("dns:///" + name, new String[] {"SRV"});
            Attribute srv = attributes.get("SRV");
            if (srv != null) {
                NamingEnumeration<?> values = srv.getAll();
                while (values.hasMore()) {
                    try {
                        records.add(SrvRecord.parse(String.valueOf(values.next())));
                    } catch (IllegalArgumentException e) {
                        LOG.debug("ignoring malformed SRV record for {}: {}", name, e.getMessage());
                    }
                }
            }
        } catch (NamingException e) {
            LOG.debug("no SRV records for {}: {}", name, e.toString());
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException e) {
                    LOG.debug("closing DNS context failed", e);
                }
            }
        }
        return records;
    }
}

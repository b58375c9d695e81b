package org.sealmail.mailstore.autoconfig;

import java.util.List;

/** Looks up DNS SRV records; injectable so tests need no DNS. */
public interface SrvResolver {

    /**
     * @param name the owner name, e.g. {@code _imaps._tcp.example.org}
     * @return its records (empty when none or on failure)
     */
    List<SrvRecord> lookup(String name);
}

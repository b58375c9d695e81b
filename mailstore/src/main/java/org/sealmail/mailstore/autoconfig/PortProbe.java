package org.sealmail.mailstore.autoconfig;

/** Checks whether a host accepts TCP connections on a port; injectable for tests. */
public interface PortProbe {

    /**
     * @param host a host name
     * @param port a TCP port
     * @return whether a connection was accepted
     */
    boolean accepts(String host, int port);
}

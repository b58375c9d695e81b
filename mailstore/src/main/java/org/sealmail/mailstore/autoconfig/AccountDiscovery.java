package org.sealmail.mailstore.autoconfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds IMAP and submission servers for an address, in this order:
 * <ol>
 * <li>autoconfig XML (Thunderbird ISPDB format) from the domain's well-known locations:
 *     {@code https://autoconfig.DOMAIN/mail/config-v1.1.xml?emailaddress=ADDRESS}, then
 *     {@code https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml};</li>
 * <li>DNS SRV records (RFC 6186): {@code _imaps._tcp} before {@code _imap._tcp} (RFC 8314 prefers
 *     implicit TLS), {@code _submissions._tcp} (RFC 8314 §5.1) before {@code _submission._tcp};
 *     lowest priority, then highest weight;</li>
 * <li>common host names that accept a connection: imap.DOMAIN / mail.DOMAIN on 993 then 143,
 *     smtp.DOMAIN / mail.DOMAIN on 465 then 587.</li>
 * </ol>
 * Manual settings bypass discovery. The login name defaults to the full address.
 */
public final class AccountDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDiscovery.class);

    private final AutoconfigFetcher fetcher;
    private final Function<String, List<URI>> autoconfigLocations;
    private final SrvResolver srv;
    private final PortProbe probe;

    /**
     * @param fetcher fetches autoconfig documents
     * @param autoconfigLocations the URIs to try for an address ({@link #wellKnownLocations} in production)
     * @param srv resolves SRV records
     * @param probe checks guessed hosts
     */
    public AccountDiscovery(AutoconfigFetcher fetcher, Function<String, List<URI>> autoconfigLocations, SrvResolver srv,
            PortProbe probe) {
        this.fetcher = fetcher;
        this.autoconfigLocations = autoconfigLocations;
        this.srv = srv;
        this.probe = probe;
    }

    /**
     * @param email an address
     * @return the two well-known autoconfig URIs for its domain
     */
    public static List<URI> wellKnownLocations(String email) {
        String domain = domainOf(email);
        return List.of(
                URI.create("https://autoconfig." + domain + "/mail/config-v1.1.xml?emailaddress="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)),
                URI.create("https://" + domain + "/.well-known/autoconfig/mail/config-v1.1.xml"));
    }

    /**
     * @param email the address to set up
     * @return the settings found, or empty (then the user must give servers by hand)
     * @throws IllegalArgumentException if the address has no domain
     */
    public Optional<DiscoveredAccount> discover(String email) {
        String domain = domainOf(email);
        for (URI uri : autoconfigLocations.apply(email)) {
            Optional<byte[]> xml = fetcher.fetch(uri);
            if (xml.isPresent()) {
                try {
                    Optional<DiscoveredAccount> found = IspdbParser.parse(xml.get(), email);
                    if (found.isPresent()) {
                        LOG.info("autoconfig for {} from {}", email, uri);
                        return found;
                    }
                } catch (IllegalArgumentException e) {
                    LOG.info("autoconfig {} unusable: {}", uri, e.getMessage());
                }
            }
        }
        Optional<ServerEndpoint> imap = srvEndpoint("_imaps._tcp." + domain, ConnectionSecurity.IMPLICIT_TLS)
                .or(() -> srvEndpoint("_imap._tcp." + domain, ConnectionSecurity.STARTTLS));
        Optional<ServerEndpoint> smtp = srvEndpoint("_submissions._tcp." + domain, ConnectionSecurity.IMPLICIT_TLS)
                .or(() -> srvEndpoint("_submission._tcp." + domain, ConnectionSecurity.STARTTLS));
        if (imap.isPresent() && smtp.isPresent()) {
            boolean outside = !within(imap.get().host(), domain) || !within(smtp.get().host(), domain);
            return Optional.of(new DiscoveredAccount(email, imap.get(), smtp.get(), email, DiscoverySource.SRV, outside));
        }
        Optional<ServerEndpoint> guessedImap = guess(List.of("imap." + domain, "mail." + domain),
                List.of(ServerEndpoint.IMAPS_PORT, ServerEndpoint.IMAP_PORT), ServerEndpoint.IMAPS_PORT);
        Optional<ServerEndpoint> guessedSmtp = guess(List.of("smtp." + domain, "mail." + domain),
                List.of(ServerEndpoint.SUBMISSIONS_PORT, ServerEndpoint.SUBMISSION_PORT), ServerEndpoint.SUBMISSIONS_PORT);
        if (guessedImap.isPresent() && guessedSmtp.isPresent()) {
            return Optional.of(new DiscoveredAccount(email, guessedImap.get(), guessedSmtp.get(), email,
                    DiscoverySource.GUESS, false));
        }
        return Optional.empty();
    }

    private Optional<ServerEndpoint> srvEndpoint(String name, ConnectionSecurity security) {
        return srv.lookup(name).stream()
                .sorted(Comparator.comparingInt(SrvRecord::priority).thenComparing(SrvRecord::weight, Comparator.reverseOrder()))
                .findFirst()
                .filter(record -> !record.notOffered())
                .map(record -> new ServerEndpoint(record.target(), record.port(), security));
    }

    private Optional<ServerEndpoint> guess(List<String> hosts, List<Integer> ports, int implicitTlsPort) {
        for (int port : ports) {
            for (String host : hosts) {
                if (probe.accepts(host, port)) {
                    return Optional.of(new ServerEndpoint(host, port,
                            port == implicitTlsPort ? ConnectionSecurity.IMPLICIT_TLS : ConnectionSecurity.STARTTLS));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean within(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        return email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}

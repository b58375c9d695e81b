package org.sealmail.rights.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The SMTP relay that carries one-time passcodes.
 *
 * @param host relay host
 * @param port relay port
 * @param security {@code starttls} (required STARTTLS, RFC 3207), {@code tls} (implicit TLS, RFC 8314) or
 *     {@code none} (plain, for a relay on loopback only)
 * @param trust PEM file of CA certificates to trust for the relay instead of the platform's, if set
 * @param user login, if the relay needs one
 * @param password the login's password
 * @param from the From address of passcode mails
 */
public record SmtpSettings(String host, int port, String security, Optional<Path> trust, Optional<String> user,
        Optional<char[]> password, String from) {

    static SmtpSettings read(ConfigFile config) {
        String security = config.string("smtp.security", "starttls").toLowerCase(Locale.ROOT);
        if (!security.equals("starttls") && !security.equals("tls") && !security.equals("none")) {
            throw new ConfigException(config.where("smtp.security") + " = " + security + ": expected starttls, tls or none");
        }
        int defaultPort = security.equals("tls") ? 465 : security.equals("starttls") ? 587 : 25;
        return new SmtpSettings(config.string("smtp.host", "127.0.0.1"), config.integer("smtp.port", defaultPort, 1, 65535),
                security, config.path("smtp.trust"), config.optional("smtp.user"), config.secret("smtp.password"),
                config.required("smtp.from"));
    }
}

package org.sealmail.mailstore.autoconfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.sealmail.mailstore.server.ConnectionSecurity;
import org.sealmail.mailstore.server.ServerEndpoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads Thunderbird autoconfig files ("ISPDB" format, {@code clientConfig version="1.1"}): the
 * first {@code incomingServer type="imap"} and {@code outgoingServer type="smtp"} whose
 * {@code socketType} is SSL or STARTTLS (plain ones are skipped: Sealmail only speaks TLS), with
 * the placeholders %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% filled in. The XML parser
 * refuses DOCTYPEs and external entities (no XXE).
 */
public final class IspdbParser {

    private IspdbParser() {
    }

    /**
     * @param xml the file's bytes
     * @param email the address being set up
     * @return the settings, empty when the file names no usable IMAP and SMTP server
     * @throws IllegalArgumentException if the XML is malformed or has a DOCTYPE
     */
    public static Optional<DiscoveredAccount> parse(byte[] xml, String email) {
        Document document = read(xml);
        Element imap = firstUsable(document.getElementsByTagName("incomingServer"), "imap");
        Element smtp = firstUsable(document.getElementsByTagName("outgoingServer"), "smtp");
        if (imap == null || smtp == null) {
            return Optional.empty();
        }
        try {
            ServerEndpoint imapEndpoint = endpoint(imap, email);
            ServerEndpoint smtpEndpoint = endpoint(smtp, email);
            String username = fill(text(imap, "username"), email);
            return Optional.of(new DiscoveredAccount(email, imapEndpoint, smtpEndpoint,
                    username == null || username.isBlank() ? email : username, DiscoverySource.AUTOCONFIG, false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Document read(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("autoconfig XML is not well-formed or not allowed: " + e.getMessage(), e);
        }
    }

    private static Element firstUsable(NodeList servers, String type) {
        for (int i = 0; i < servers.getLength(); i++) {
            Element server = (Element) servers.item(i);
            String socketType = text(server, "socketType");
            if (type.equalsIgnoreCase(server.getAttribute("type")) && security(socketType) != null) {
                return server;
            }
        }
        return null;
    }

    private static ConnectionSecurity security(String socketType) {
        if (socketType == null) {
            return null;
        }
        return switch (socketType.trim().toUpperCase(Locale.ROOT)) {
            case "SSL" -> ConnectionSecurity.IMPLICIT_TLS;
            case "STARTTLS" -> ConnectionSecurity.STARTTLS;
            default -> null;
        };
    }

    private static ServerEndpoint endpoint(Element server, String email) {
        String host = fill(text(server, "hostname"), email);
        String port = text(server, "port");
        if (host == null || port == null) {
            throw new IllegalArgumentException("server without hostname or port");
        }
        return new ServerEndpoint(host.trim(), Integer.parseInt(port.trim()), security(text(server, "socketType")));
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static String fill(String template, String email) {
        if (template == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return template.trim().replace("%EMAILADDRESS%", email).replace("%EMAILLOCALPART%", email.substring(0, at))
                .replace("%EMAILDOMAIN%", email.substring(at + 1));
    }
}

package org.sealmail.app.sending;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sealmail.app.ui.compose.SendFailure;
import org.sealmail.policy.send.OutboxPort;

/**
 * An in-JVM GreenMail (SMTP and IMAP on loopback) with two accounts, an {@link OutboxPort} that
 * submits through its SMTP server at once and a reader of each account's IMAP inbox.
 */
final class GreenMailAccounts implements AutoCloseable {

    static final String PASSWORD = "secret-pass";

    private final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    GreenMailAccounts(String... addresses) {
        greenMail.start();
        for (String address : addresses) {
            greenMail.setUser(address, address, PASSWORD);
        }
    }

    OutboxPort outbox(String login) {
        return submission -> {
            byte[] rfc5322 = submission.message();
            List<String> recipients = submission.envelopeRecipients();
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
            properties.put("mail.smtp.auth", "true");
            Session session = Session.getInstance(properties);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(login, PASSWORD);
                MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(rfc5322));
                List<InternetAddress> to = new ArrayList<>();
                for (String recipient : recipients) {
                    to.add(new InternetAddress(recipient));
                }
                transport.sendMessage(message, to.toArray(new InternetAddress[0]));
            } catch (MessagingException e) {
                throw new SendFailure(e.getMessage(), true, e);
            }
        };
    }

    List<byte[]> inbox(String login) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(greenMail.getImap().getPort()));
        Session session = Session.getInstance(properties);
        List<byte[]> raw = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(login, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                raw.add(out.toByteArray());
            }
            inbox.close(false);
        }
        return raw;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

package org.sealmail.rights.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealmail.rights.passcode.PasscodeMailer;

/**
 * A recipient without a certificate, as a Sealmail client does it (docs/rights-server-api.md §4,
 * §5): asks for a passcode, reads it from its mailbox (GreenMail), trades it for a session and
 * asks for a use license for its own device key (RSA JWK made here).
 */
public final class TestRecipient {

    private static final Pattern CODE = Pattern.compile("^Passcode: ([0-9]{8})$", Pattern.MULTILINE);

    private final String address;
    private final ApiClient api;
    private final GreenMail mail;
    private final RSAKey deviceKey;

    /**
     * @param address the recipient's address
     * @param base the rights server URL
     * @param mail the mail server holding the recipient's mailbox
     */
    public TestRecipient(String address, String base, GreenMail mail) {
        this.address = address;
        this.api = new ApiClient(base);
        this.mail = mail;
        try {
            this.deviceKey = new RSAKeyGenerator(2048).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the device key pair (private part included) */
    public RSAKey deviceKey() {
        return deviceKey;
    }

    /** @return the API client */
    public ApiClient api() {
        return api;
    }

    /** Asks for a passcode. */
    public ApiClient.Response requestPasscode(String cid) {
        return api.post("/api/v1/messages/" + cid + "/passcode", Map.of("licensee", address), Optional.empty());
    }

    /**
     * @param cid content id
     * @return the newest passcode in the mailbox for that message
     */
    public String passcodeFromMailbox(String cid) {
        try {
            MimeMessage[] messages = mail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1));
            for (int index = messages.length - 1; index >= 0; index--) {
                String header = messages[index].getHeader(PasscodeMailer.HEADER, null);
                if (header != null && header.contains("cid=" + cid) && messages[index].getAllRecipients()[0].toString().equals(address)) {
                    Matcher matcher = CODE.matcher(messages[index].getContent().toString().replace("\r\n", "\n"));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no passcode mail for " + address + " and " + cid);
    }

    /** Submits a passcode. */
    public ApiClient.Response signIn(String cid, String code) {
        return api.post("/api/v1/messages/" + cid + "/session", Map.of("licensee", address, "passcode", code), Optional.empty());
    }

    /** Requests a passcode, reads it and signs in; returns the session token. */
    public String session(String cid) {
        ApiClient.Response sent = requestPasscode(cid);
        if (sent.status() != 202) {
            throw new AssertionError("passcode request refused: " + sent.body());
        }
        ApiClient.Response session = signIn(cid, passcodeFromMailbox(cid));
        if (session.status() != 200) {
            throw new AssertionError("sign-in refused: " + session.body());
        }
        return (String) session.json().get("session");
    }

    /** Asks for a use license with a session. */
    public ApiClient.Response useLicense(String cid, String session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_key", deviceKey.toPublicJWK().toJSONObject());
        body.put("client", "Sealmail/0.1 (test)");
        return api.post("/api/v1/messages/" + cid + "/use-license", body, Optional.of("Bearer " + session));
    }
}

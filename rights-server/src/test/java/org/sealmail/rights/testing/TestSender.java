package org.sealmail.rights.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.rights.license.ContentKeyWrap;
import org.sealmail.crypto.rights.message.ProtectedMessage;
import org.sealmail.crypto.rights.message.ProtectedMessageBuilder;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.rights.auth.SenderRequestVerifier;
import org.sealmail.rights.content.ProtectedBlobReader;

/**
 * The sender's side, as a Sealmail client does it (docs/rights-server-api.md §2, §3, §7): protects
 * a message with crypto's {@link ProtectedMessageBuilder} naming the rights server, takes its
 * content key from the sender's own RecipientInfo and the publishing license from the decrypted
 * SignedData, wraps the key to the rights server and registers it with a {@code Sealmail-Sender} JWS.
 */
public final class TestSender {

    private final CertifiedKey key;
    private final ApiClient api;
    private final String base;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    /**
     * @param key the sender's key (an RSA key of the test PKI)
     * @param base the rights server's URL
     * @param clock the time written as {@code iat} of request signatures
     */
    public TestSender(CertifiedKey key, String base, Clock clock) {
        this.key = key;
        this.clock = clock;
        this.base = base;
        this.api = new ApiClient(base);
    }

    /**
     * A protected message and what the sender knows about it.
     *
     * @param message the protected message
     * @param cid its content id
     * @param publishingLicense the publishing license JWS
     * @param contentKey the content-encryption key
     */
    public record Sent(ProtectedMessage message, String cid, String publishingLicense, byte[] contentKey) {
    }

    /**
     * @param to recipient address
     * @param recipientCertificate the recipient's certificate (crypto's builder still needs one)
     * @param template the template
     * @param clock the protection time
     * @param html the HTML body
     * @return the protected message
     */
    public Sent protect(String to, X509Certificate recipientCertificate, ProtectionTemplate template, Clock clock, String html) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(key.addresses().get(0), "Alice Example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject("Quarterly figures");
            message.setText(html, "UTF-8", "html");
            message.saveChanges();
            ProtectedMessage protectedMessage = new ProtectedMessageBuilder(clock).withRightsServer(URI.create(base))
                    .protect(message, template, key, List.of(recipientCertificate));
            byte[] contentKey = SenderContentKey.unwrap(protectedMessage.blob(), key);
            String cid = protectedMessage.publishingLicense().contentId();
            String publishingLicense = ProtectedBlobReader.open(protectedMessage.blob(), contentKey).publishingLicense();
            return new Sent(protectedMessage, cid, publishingLicense, contentKey);
        } catch (Exception e) {
            throw new IllegalStateException("cannot protect the test message", e);
        }
    }

    /**
     * Registers with the content key wrapped to {@code serverKey} and the blob uploaded.
     *
     * @return the response
     */
    public ApiClient.Response register(Sent sent, X509Certificate serverKey, boolean withContent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publishing_license", sent.publishingLicense());
        body.put("content_key", ContentKeyWrap.wrap(sent.contentKey(), serverKey));
        if (withContent) {
            body.put("content", java.util.Base64.getEncoder().encodeToString(sent.message().blob()));
        }
        Map<String, Object> branding = new LinkedHashMap<>();
        branding.put("intro", "Protected by Example Corp.");
        branding.put("background", "#F0F4FF");
        body.put("branding", branding);
        return registerRaw(sent.cid(), body);
    }

    /**
     * @param cid the content id the request JWS names
     * @param body the registration body
     * @return the response
     */
    public ApiClient.Response registerRaw(String cid, Map<String, Object> body) {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        return api.send("POST", "/api/v1/messages", bytes, Optional.of(authorization("POST", "/api/v1/messages", cid, bytes)));
    }

    /**
     * Sends a sender request with a fresh signature.
     *
     * @param method HTTP method
     * @param path path
     * @param cid content id
     * @param body JSON body or null
     * @return the response
     */
    public ApiClient.Response request(String method, String path, String cid, Map<String, Object> body) {
        byte[] bytes = body == null ? new byte[0] : JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        return api.send(method, path, bytes, Optional.of(authorization(method, path, cid, bytes)));
    }

    /**
     * @return an {@code Authorization: Sealmail-Sender} value for the request (docs/rights-server-api.md §2)
     */
    public String authorization(String method, String path, String cid, byte[] body) {
        try {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("htm", method);
            claims.put("htu", path);
            claims.put("cid", cid);
            claims.put("iat", clock.instant().getEpochSecond());
            claims.put("jti", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
            claims.put("bsh", SenderRequestVerifier.sha256(body));
            List<Base64> chain = new ArrayList<>();
            for (X509Certificate certificate : key.chain()) {
                chain.add(Base64.encode(certificate.getEncoded()));
            }
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType(
                    SenderRequestVerifier.TYPE)).x509CertChain(chain).build(), new Payload(claims));
            jws.sign(new RSASSASigner(key.privateKey()));
            return SenderRequestVerifier.SCHEME + " " + jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

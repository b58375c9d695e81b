package org.sealmail.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.sealmail.crypto.keys.CertifiedKey;
import org.sealmail.crypto.keys.KeyAlgorithm;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.rights.http.RightsServer;
import org.sealmail.rights.testing.MutableClock;
import org.sealmail.rights.testing.RightsServerFixture;
import org.sealmail.rights.testing.ServerKeys;
import org.sealmail.rights.testing.TestRecipient;
import org.sealmail.rights.testing.TestSender;
import org.sealmail.rights.testing.TestTls;

/**
 * The web reader in headless Chromium from Debian, driven by Selenium WebDriver (W3C): sign-in by
 * passcode with form POSTs, the message sanitized with the sender's branding, Do Not Forward
 * discouraging copy and print, revoked and expired messages saying why. Chromium accepts the
 * test server only through a pin of its key ({@code --ignore-certificate-errors-spki-list}), not
 * by ignoring certificate errors in general.
 */
class WebReaderIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HTML = "<p>Figures: <b>42</b></p><script>document.title='owned'</script>"
            + "<img src=\"https://tracker.example/pixel.png\" onerror=\"document.title='owned'\">";

    @TempDir
    Path dir;

    private GreenMail mail;
    private RightsServer server;
    private WebDriver browser;
    private MutableClock clock;
    private String base;
    private CertifiedKey serverKey;
    private TestSender alice;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver from Debian are needed (.ci/run installs them)");
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int port = RightsServerFixture.freePort();
        base = "https://localhost:" + port;
        serverKey = ServerKeys.issue("rights-web", KeyAlgorithm.RSA_2048);
        clock = new MutableClock(Instant.now());
        server = RightsServerFixture.start(RightsServerFixture.writeRightsConfig(dir, port, mail.getSmtp().getPort(),
                List.of(serverKey), ""), clock);
        alice = new TestSender(TestPki.get().alice, base, clock);
        byte[] spki = MessageDigest.getInstance("SHA-256").digest(TestTls.localhost().certificate().getPublicKey().getEncoded());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
                "--ignore-certificate-errors-spki-list=" + Base64.getEncoder().encodeToString(spki));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void recipientSignsInWithAPasscodeAndReadsTheSanitizedMessageThatDiscouragesCopyAndPrint() {
        TestSender.Sent sent = registered(ProtectionTemplate.DO_NOT_FORWARD);
        browser.get(base + "/m/" + sent.cid());
        assertThat(text("main")).contains("alice@example.test sent you a protected message").contains("Protected by Example Corp.");
        assertThat(mail.getReceivedMessages()).as("opening the link sends nothing").isEmpty();

        browser.findElement(By.id("licensee")).sendKeys("bob@example.test");
        browser.findElement(By.id("send-passcode")).click();
        assertThat(text("main")).contains("We sent a passcode to bob@example.test");
        String code = new TestRecipient("bob@example.test", base, mail).passcodeFromMailbox(sent.cid());
        browser.findElement(By.id("passcode")).sendKeys(code);
        browser.findElement(By.id("open-message")).click();

        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/m/" + sent.cid() + "/read");
        assertThat(text("#subject")).isEqualTo("Quarterly figures");
        assertThat(text("#message-body p")).isEqualTo("Figures: 42");
        assertThat(text("#reader")).isEqualTo("bob@example.test");
        assertThat(browser.findElements(By.cssSelector("#message-body script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#message-body img[src], #message-body [onerror]")))
                .as("remote image source and event handler removed").isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Quarterly figures");
        assertThat(text("#restriction-notice")).contains("best effort");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('#message-body p')).userSelect")).isEqualTo("none");
        assertThat(js.executeScript("const e = new MouseEvent('contextmenu', {bubbles: true, cancelable: true});"
                + " return document.querySelector('#message-body p').dispatchEvent(e)")).as("context menu cancelled").isEqualTo(false);
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('main')).display")).isEqualTo("none");
    }

    @Test
    void revokedAndExpiredMessagesShowWhyInsteadOfTheContent() {
        TestSender.Sent sent = registered(ProtectionTemplate.ENCRYPT);
        alice.request("POST", "/api/v1/messages/" + sent.cid() + "/revoke", sent.cid(), Map.of("reason", "sent by mistake"));
        browser.get(base + "/m/" + sent.cid());
        assertThat(text("h1")).isEqualTo("This message was revoked");
        assertThat(text("#refusal")).contains("sent by mistake");
        assertThat(browser.findElements(By.id("licensee"))).isEmpty();

        TestSender.Sent later = registered(ProtectionTemplate.ENCRYPT);
        alice.request("PUT", "/api/v1/messages/" + later.cid() + "/expiry", later.cid(),
                Map.of("not_after", clock.instant().plus(Duration.ofHours(1)).getEpochSecond()));
        clock.advance(Duration.ofHours(2));
        browser.get(base + "/m/" + later.cid());
        assertThat(text("h1")).isEqualTo("This message has expired");
        assertThat(text("#refusal")).contains("expired at");
    }

    private TestSender.Sent registered(ProtectionTemplate template) {
        TestSender.Sent sent = alice.protect("bob@example.test", TestPki.get().bob.certificate(), template, Clock.systemUTC(), HTML);
        assertThat(alice.register(sent, serverKey.certificate(), true).status()).isEqualTo(201);
        return sent;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}

package org.sealmail.app.demo;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.StartHook;
import org.sealmail.app.ui.profile.ProfileSecrets;
import org.sealmail.app.ui.UiServices;
import org.sealmail.app.ui.settings.KeyRing;
import org.sealmail.app.ui.task.TaskBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop demo once its window shows: the title and a banner say it is the demo; in the
 * background the in-process mail server starts, alice's and bob's profiles are set up, bob's key
 * and the demo CA go into the client's key ring, and {@link DemoMailbox} seeds bob's mailbox; then
 * the folder list refreshes. The window is usable at once. Closing stops the server.
 */
public final class DemoSession implements StartHook, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSession.class);

    /** The master password of the demo profiles' password files (they hold only demo secrets). */
    static final String MASTER_PASSWORD = "sealmail demo";

    private final Path home;
    private final Clock clock;
    private volatile UiServices services;
    private volatile DesktopServices desktop;
    private volatile DemoMailServer server;
    private volatile DemoProfile alice;
    private volatile DemoProfile bob;

    /**
     * @param home the demo directory (bob's profile is {@code home/bob})
     * @param clock the time source
     */
    public DemoSession(Path home, Clock clock) {
        this.home = Objects.requireNonNull(home, "home");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return bob's profile directory, the one the desktop client opens */
    public Path bobProfile() {
        return home.resolve("bob");
    }

    /** @param desktopServices the client's service ports over bob's profile (its key ring gets bob's key) */
    void attach(UiServices desktopServices) {
        this.services = desktopServices;
    }

    /**
     * Opens bob's demo profile for the desktop client, with the demo's own master password (the
     * demo profiles are throw-away: no unlock window, no OS keyring).
     *
     * @return the client's services over bob's profile, not started
     * @throws org.sealmail.mailstore.StoreException when bob's store cannot be opened
     */
    public DesktopServices openBobProfile() {
        DesktopServices opened = DesktopServices.open(bobProfile())
                .useSecrets(ProfileSecrets.preset(bobProfile(), MASTER_PASSWORD));
        desktop = opened;
        return opened;
    }

    @Override
    public void mainWindowShown(Context context) {
        attach(context.services());
        context.stage().setTitle(context.text().get("app.demo.title"));
        Label banner = new Label(context.text().get("app.demo.banner.starting"));
        banner.setWrapText(true);
        banner.setId("demo-banner");
        Button ownAccount = new Button(context.text().get("app.demo.banner.own-account"));
        ownAccount.setOnAction(event -> context.client().openAccountSetup());
        ownAccount.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, banner, ownAccount);
        HBox.setHgrow(banner, Priority.ALWAYS);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.setStyle("-fx-background-color: #fff4c2; -fx-border-color: #e0c65c; -fx-border-width: 0 0 1 0;");
        bar.getStyleClass().add("demo-banner");
        Parent window = context.stage().getScene().getRoot();
        BorderPane framed = new BorderPane();
        context.stage().getScene().setRoot(framed);
        framed.setTop(bar);
        framed.setCenter(window);
        TaskBuilder.create(this::start).named("demo: mail server and sample mail")
                .onSuccess(description -> {
                    LOG.info("demo ready {} ms after JVM start", ManagementFactory.getRuntimeMXBean().getUptime());
                    banner.setText(description);
                    context.client().mainModel().refreshAccounts();
                })
                .onAnyError(failure -> banner.setText(context.text().get("app.demo.banner.failed",
                        String.valueOf(failure.getMessage()))))
                .runOn(context.executor());
    }

    /**
     * Starts the server, sets up the profiles, imports bob's key into the client and seeds the
     * mailbox (runs in the background).
     *
     * @return the banner text once the demo is ready
     */
    String start() {
        DemoLogin aliceLogin = login("alice");
        DemoLogin bobLogin = login("bob");
        DemoPki pki = DemoPki.loadOrCreate(home, aliceLogin.address(), bobLogin.address(), clock);
        UiServices client = services;
        if (client != null) {
            KeyRing keyRing = client.keyRing();
            keyRing.importPkcs12(pki.keyStoreFile(DemoUser.BOB), DemoPki.KEY_STORE_PASSWORD.toCharArray());
            keyRing.importTrustAnchors(pki.caFile());
        }
        Map<String, String> logins = new LinkedHashMap<>();
        logins.put(aliceLogin.address(), new String(aliceLogin.password()));
        logins.put(bobLogin.address(), new String(bobLogin.password()));
        server = DemoMailServer.start(pki, home, DemoMailServer.PREFERRED_IMAPS_PORT, DemoMailServer.PREFERRED_SMTPS_PORT,
                logins);
        server.notes().forEach(note -> LOG.warn("demo: {}", note));
        DemoServers servers = new DemoServers(server.imap(), server.smtp(), server.trust(), aliceLogin, bobLogin,
                "in-process GreenMail");
        alice = DemoProfile.open(home.resolve("alice"), "Alice", aliceLogin, servers, pki.alice(), pki.anchor(),
                List.of(pki.bob().certificate()), clock);
        bob = DemoProfile.open(bobProfile(), "Bob", bobLogin, servers, pki.bob(), pki.anchor(),
                List.of(pki.alice().certificate()), clock);
        DemoMailbox.seed(alice, bob, clock);
        DesktopServices window = desktop;
        if (window != null) {
            // the window's own background sync of bob's account needs this run's password
            window.storePasswordAndSynchronize(bob.account().id(), bobLogin.password());
        }
        return org.sealmail.app.ui.UiText.forLocale(java.util.Locale.getDefault()).get("app.demo.banner.ready",
                bobLogin.address(), aliceLogin.address(), server.imap().host() + ":" + server.imap().port());
    }

    private static DemoLogin login(String user) {
        String address = user + "@" + HeadlessDemo.DEMO_DOMAIN;
        return new DemoLogin(address, address, UUID.randomUUID().toString().toCharArray());
    }

    /** Closes the profiles and stops the server. */
    @Override
    public void close() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (server != null) {
            server.close();
        }
    }
}

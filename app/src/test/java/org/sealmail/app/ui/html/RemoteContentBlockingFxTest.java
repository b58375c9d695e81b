package org.sealmail.app.ui.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sealmail.app.ui.FxTestSupport.onFx;
import static org.sealmail.app.ui.FxTestSupport.runFx;
import static org.sealmail.app.ui.FxTestSupport.waitLoaded;
import static org.sealmail.app.ui.FxTestSupport.waitUntil;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.reader.DisplayPart;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ReaderView;
import org.sealmail.app.ui.reader.ReaderViewModel;
import org.sealmail.app.ui.reader.RecordingOutlets;
import org.sealmail.app.ui.reader.RemoteContentPolicy;
import org.sealmail.app.ui.reader.SampleMessages;
import org.sealmail.app.ui.task.SameThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "With blocking on, no network request leaves the viewer": a loopback HTTP server counts the
 * requests while the viewer loads HTML that references it in every way HTML and CSS allow. Each
 * layer (the sanitizer, the CSP, the proxy gate) is also shown to block on its own, and the
 * "load remote content" case shows that the server does receive requests when allowed.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteContentBlockingFxTest {

    private CountingHttpServer server;
    private StackPane holder;
    private ReaderViewModel model;
    private ReaderView reader;

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        stage.setScene(new Scene(holder, 700, 500));
        stage.show();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new CountingHttpServer();
        runFx(() -> {
            model = new ReaderViewModel(id -> { throw new IllegalStateException(); }, new SameThreadTaskExecutor(),
                    new RecordingOutlets().outlets(), UiText.english(), Clock.fixed(SampleMessages.NOW, ZoneOffset.UTC),
                    () -> RemoteContentPolicy.BLOCK_AND_ASK);
            reader = new ReaderView(model, UiText.english(), ZoneOffset.UTC);
            holder.getChildren().setAll(reader.root());
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Every way we know for HTML or CSS to make a browser fetch a URL without JavaScript. */
    private String hostileHtml() {
        String b = server.base();
        return "<html><head>"
                + "<link rel=\"stylesheet\" href=\"" + b + "/link.css\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + b + "/refresh\">"
                + "<style>@import url(" + b + "/import.css); body{background-image:url(" + b + "/style-bg.png)}"
                + "@font-face{font-family:x;src:url(" + b + "/font.woff)} p{font-family:x}</style>"
                + "<base href=\"" + b + "/base/\">"
                + "</head><body background=\"" + b + "/body-bg.png\">"
                + "<p>Tracking test</p>"
                + "<img src=\"" + b + "/img.png\" width=1 height=1>"
                + "<img srcset=\"" + b + "/srcset.png 1x, " + b + "/srcset2.png 2x\">"
                + "<img src=\"relative.png\">"
                + "<div style=\"background-image:url('" + b + "/inline-bg.png')\">bg</div>"
                + "<div style=\"background:url(" + b + "/inline-bg2.png)\">bg2</div>"
                + "<video poster=\"" + b + "/poster.png\" src=\"" + b + "/video.mp4\"></video>"
                + "<audio src=\"" + b + "/audio.mp3\"></audio>"
                + "<iframe src=\"" + b + "/iframe.html\"></iframe>"
                + "<object data=\"" + b + "/object.png\"></object>"
                + "<embed src=\"" + b + "/embed.png\">"
                + "<input type=\"image\" src=\"" + b + "/input.png\">"
                + "<svg><image href=\"" + b + "/svg.png\"/></svg>"
                + "<table background=\"" + b + "/table-bg.png\"><tr><td>t</td></tr></table>"
                + "<script src=\"" + b + "/script.js\"></script>"
                + "</body></html>";
    }

    private OpenedMessage message(String html) {
        return new OpenedMessage(7, "Tracker <t@example.com>", List.of("bob@example.org"), List.of(), "Offer",
                SampleMessages.NOW, new org.sealmail.app.ui.reader.ProtectionStatus.Unprotected(),
                List.of(new DisplayPart(DisplayPart.Format.HTML, html, DisplayPart.Origin.CLEAR, Map.of())), List.of());
    }

    @Test
    void withBlockingOnNoRequestLeavesTheViewer(FxRobot robot) {
        runFx(() -> model.show(message(hostileHtml())));
        waitLoaded(onFx(() -> reader.partViews().get(0)));

        assertThat(server.requests).isEmpty();
        assertThat(robot.lookup(".remote-content-bar").query().isVisible()).isTrue();
    }

    @Test
    void loadingRemoteContentOfUnprotectedMailDoesReachTheServer(FxRobot robot) {
        runFx(() -> model.show(message(hostileHtml())));
        waitLoaded(onFx(() -> reader.partViews().get(0)));
        assertThat(server.requests).isEmpty();

        robot.clickOn(".remote-content-bar .button");
        waitLoaded(onFx(() -> reader.partViews().get(0)));
        waitUntil(() -> server.requests.contains("/img.png"));

        assertThat(server.requests).contains("/img.png", "/inline-bg.png", "/style-bg.png")
                .doesNotContain("/script.js", "/iframe.html", "/object.png", "/link.css", "/refresh", "/embed.png");
    }

    @Test
    void theProxyGateAloneBlocksRawUnsanitizedHtmlWithoutCsp() {
        SandboxedWebView view = onFx(() -> {
            SandboxedWebView raw = new SandboxedWebView(true, "Copy");
            holder.getChildren().setAll(raw);
            raw.show(hostileHtml());
            return raw;
        });
        waitLoaded(view);

        assertThat(server.requests).isEmpty();
    }

    @Test
    void theCspAloneBlocksEvenWhenTheGatePermitsTheOrigin() {
        RemoteContentGate.Permit permit = RemoteContentGate.install().permit(List.of(URI.create(server.base())));
        try {
            SandboxedWebView view = onFx(() -> {
                SandboxedWebView raw = new SandboxedWebView(true, "Copy");
                holder.getChildren().setAll(raw);
                // CSP governs loads, not navigation: meta refresh is left to the sanitizer (which
                // drops <meta>), the navigation guard and the gate (see the other tests).
                raw.show(hostileHtml().replaceAll("<meta http-equiv=\"refresh\"[^>]*>", "")
                        .replace("<head>", "<head><meta http-equiv=\"Content-Security-Policy\" content=\""
                        + ViewerDocument.BLOCKING_POLICY + "\">"));
                return raw;
            });
            waitLoaded(view);
            assertThat(server.requests).isEmpty();

            // Control: the same permit without the CSP does let the image through.
            SandboxedWebView control = onFx(() -> {
                SandboxedWebView raw = new SandboxedWebView(true, "Copy");
                holder.getChildren().setAll(raw);
                raw.show("<html><body><img src=\"" + server.base() + "/control.png\"></body></html>");
                return raw;
            });
            waitLoaded(control);
            waitUntil(() -> server.requests.contains("/control.png"));
        } finally {
            permit.close();
        }
    }

    @Test
    void decryptedContentNeverLoadsRemoteContentEvenWhenAsked(FxRobot robot) {
        OpenedMessage protectedHtml = SampleMessages.rightsProtected("Encrypt", SampleMessages.ENCRYPT);
        OpenedMessage withTracker = new OpenedMessage(8, protectedHtml.from(), protectedHtml.to(), List.of(),
                protectedHtml.subject(), protectedHtml.date(), protectedHtml.protection(),
                List.of(new DisplayPart(DisplayPart.Format.HTML, "<img src=\"" + server.base() + "/efail.png\">",
                        DisplayPart.Origin.DECRYPTED, Map.of())), List.of());
        runFx(() -> model.show(withTracker));
        waitLoaded(onFx(() -> reader.partViews().get(0)));

        assertThat(robot.lookup(".remote-content-bar").query().isVisible()).isFalse();
        assertThat(onFx(() -> model.loadRemoteContent().done())).isFalse();
        waitLoaded(onFx(() -> reader.partViews().get(0)));
        assertThat(server.requests).isEmpty();
    }
}

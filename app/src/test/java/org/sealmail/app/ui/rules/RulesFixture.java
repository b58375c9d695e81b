package org.sealmail.app.ui.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sealmail.app.sending.PipelineOutbox;
import org.sealmail.app.sending.SenderIdentity;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.compose.ComposeViewModel;
import org.sealmail.app.ui.compose.FakeComposeServices;
import org.sealmail.app.ui.compose.TemplateOption;
import org.sealmail.app.ui.task.TaskExecutor;
import org.sealmail.crypto.testing.TestPki;
import org.sealmail.policy.rules.RuleSetHolder;
import org.sealmail.policy.send.OutgoingMessagePipeline;
import org.sealmail.policy.send.OutgoingSubmission;

/**
 * A profile with a rules file, and the composer's real send path over it: {@link PipelineOutbox}
 * → {@link OutgoingMessagePipeline} (the profile's rules, TestPki keys) → a recording outbox.
 * Alice (alice@example.test, TestPki) sends; Bob's certificate is known.
 */
public final class RulesFixture {

    /** One rule per action (docs/protection-rules.md); example.test is outside the organization. */
    public static final String RULES = """
            # rules of the composer's end-to-end tests
            organization contoso.test
            timeout 200 ms

            rule "Cards leave the company"
              when sensitive card >= 1
              when recipient outside
              then template do-not-forward

            rule "Payroll"
              when subject contains payroll
              then block "Payroll data may not be mailed. Use the HR portal."

            rule "Address lists"
              when sensitive email-addresses >= 3
              then warn "This message lists many e-mail addresses."

            rule "Regulator"
              when recipient domain regulator.test
              then require-signing

            rule "Runaway"
              when subject contains runaway
              when body matches /((a+)+)+$/
              then warn "never reached: the expression backtracks past the bound"
            """;

    /** The card number the tests type; it must never appear outside the body. */
    public static final String CARD = "4111 1111 1111 1111";

    public final TestPki pki = TestPki.get();
    public final Path profile;
    public final RuleSetHolder holder;
    public final List<OutgoingSubmission> outbox = new CopyOnWriteArrayList<>();
    public final PipelineOutbox pipelineOutbox;
    public final FakeComposeServices directory = new FakeComposeServices();

    /**
     * @param profile a profile directory
     * @param rulesText the rules file's text, or null for a profile without one
     */
    public RulesFixture(Path profile, String rulesText) {
        this.profile = profile;
        if (rulesText != null) {
            write(ProfileRules.location(profile), rulesText);
        }
        holder = ProfileRules.loadAtStart(profile);
        Map<String, List<X509Certificate>> certificates = Map.of("bob@example.test", List.of(pki.bob.certificate()));
        OutgoingMessagePipeline pipeline = new OutgoingMessagePipeline(holder,
                address -> certificates.getOrDefault(address, List.of()), outbox::add, Clock.systemUTC());
        pipelineOutbox = new PipelineOutbox(id -> new SenderIdentity("Alice Example", "alice@example.test",
                Optional.of(pki.alice)), id -> pipeline, Map.of(), Clock.systemUTC());
        directory.certificates.add("bob@example.test");
    }

    /** @return the profile's rules as the editor sees them */
    public ProfileRules rules() {
        return new ProfileRules(holder);
    }

    /**
     * @param executor runs background work
     * @return a composer over the real send path
     */
    public ComposeViewModel composer(TaskExecutor executor) {
        return new ComposeViewModel(1, directory, pipelineOutbox, directory, List.of(
                new TemplateOption("encrypt", "Encrypt", true), new TemplateOption("do-not-forward", "Do Not Forward", true)),
                executor, UiText.english());
    }

    /**
     * @param file a file
     * @param text its new text (UTF-8); parent directories are created
     */
    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

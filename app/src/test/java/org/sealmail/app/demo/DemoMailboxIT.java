package org.sealmail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.UiServices;
import org.sealmail.app.ui.UiText;
import org.sealmail.app.ui.mailbox.AccountSummary;
import org.sealmail.app.ui.mailbox.FolderSummary;
import org.sealmail.app.ui.mailbox.MessageHeader;
import org.sealmail.app.ui.mailbox.MessageQuery;
import org.sealmail.app.ui.mailbox.MessageSort;
import org.sealmail.app.ui.reader.DisplayPart;
import org.sealmail.app.ui.reader.EncryptionCheck;
import org.sealmail.app.ui.reader.OpenedMessage;
import org.sealmail.app.ui.reader.ProtectionStatus;
import org.sealmail.app.ui.reader.RightsProtection;
import org.sealmail.app.ui.reader.SmimeProtection;
import org.sealmail.crypto.rights.UsageRight;

/**
 * The desktop demo's mailbox, seen through the desktop client's own ports ({@link DesktopServices}
 * over bob's demo profile, as {@code sealmail --demo} opens it): after the demo session starts,
 * bob's INBOX holds the seven sample messages and each opens as its kind says (DESIGN.md rights;
 * RFC 8551 signature and AES-GCM decryption; the expired message shows no content).
 */
class DemoMailboxIT {

    @TempDir
    Path home;

    @Test
    void theSevenSampleMessagesArriveAndOpenAsTheirKindSays() throws Exception {
        try (DemoSession session = new DemoSession(home, Clock.systemUTC());
                DesktopServices desktop = session.openBobProfile()) {
            UiServices services = desktop.start(desktop.secrets().withoutAsking().orElseThrow(), UiText.english());
            session.attach(services);

            String banner = session.start();

            assertThat(banner).startsWith("Demo: you are bob@demo.sealmail.test, reading mail from alice@demo.sealmail.test")
                    .contains("127.0.0.1:");
            AccountSummary bob = services.mailbox().accounts().stream().filter(a -> !a.address().isEmpty()).findFirst()
                    .orElseThrow();
            assertThat(bob.address()).isEqualTo("bob@demo.sealmail.test");
            FolderSummary inbox = bob.folders().stream().filter(f -> f.name().equals("INBOX")).findFirst().orElseThrow();
            List<MessageHeader> headers = services.mailbox().page(new MessageQuery(inbox.id(), MessageSort.NEWEST_FIRST, false), 0, 50);
            Map<String, Long> ids = new LinkedHashMap<>();
            headers.forEach(header -> ids.put(header.subject(), header.id()));
            assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(DemoMailbox.SUBJECTS);

            Thread.sleep(DemoMailbox.EXPIRES_AFTER.toMillis());
            OpenedMessage plain = services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(0)));
            assertThat(plain.protection()).isInstanceOf(ProtectionStatus.Unprotected.class);
            assertThat(plain.parts().get(0).content()).contains("this is a plain message");

            OpenedMessage html = services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(1)));
            assertThat(html.parts().get(0).format()).isEqualTo(DisplayPart.Format.HTML);
            assertThat(html.parts().get(0).content()).contains("https://images.example.com/banner.png");

            SmimeProtection signed = (SmimeProtection) services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(2))).protection();
            assertThat(signed.signature().orElseThrow().valid()).isTrue();
            assertThat(signed.encryption()).isEmpty();

            SmimeProtection encrypted = (SmimeProtection) services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(3)))
                    .protection();
            assertThat(encrypted.encryption().orElseThrow().outcome()).isEqualTo(EncryptionCheck.Outcome.DECRYPTED);
            assertThat(encrypted.encryption().orElseThrow().authenticated()).isTrue();

            RightsProtection encrypt = (RightsProtection) services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(4)))
                    .protection();
            assertThat(encrypt.templateName()).isEqualTo("Encrypt");
            assertThat(encrypt.granted()).contains(UsageRight.FORWARD, UsageRight.EXTRACT, UsageRight.PRINT);

            RightsProtection doNotForward = (RightsProtection) services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(5)))
                    .protection();
            assertThat(doNotForward.templateName()).isEqualTo("Do Not Forward");
            assertThat(doNotForward.granted()).isEqualTo(EnumSet.of(UsageRight.VIEW, UsageRight.REPLY, UsageRight.REPLYALL));

            OpenedMessage expired = services.opener().open(ids.get(DemoMailbox.SUBJECTS.get(6)));
            assertThat(((RightsProtection) expired.protection()).outcome()).isEqualTo(RightsProtection.Outcome.EXPIRED);
            assertThat(expired.parts()).isEmpty();
        }
    }
}

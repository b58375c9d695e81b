package org.sealmail.app.ui;

import java.util.List;
import java.util.prefs.Preferences;
import org.sealmail.app.ui.compose.ProtectionChoice;
import org.sealmail.app.ui.compose.TemplateOption;
import org.sealmail.app.ui.memory.InMemoryComposeServices;
import org.sealmail.app.ui.memory.InMemoryKeyRing;
import org.sealmail.app.ui.memory.InMemoryMailbox;
import org.sealmail.app.ui.memory.InMemoryMessages;
import org.sealmail.app.ui.settings.JavaPreferencesStore;
import org.sealmail.app.ui.setup.AccountSetupService;
import org.sealmail.app.ui.setup.DiscoveredServers;
import org.sealmail.app.ui.setup.NewAccount;

/** The composition root of the desktop client's service ports. */
public final class DesktopServices {

    private DesktopServices() {
    }

    /** @return the services the desktop client runs on */
    public static UiServices create() {
        InMemoryComposeServices compose = new InMemoryComposeServices();
        return new UiServices(new InMemoryMailbox(), new InMemoryMessages(), compose, compose, compose,
                builtInTemplates(), new InMemoryKeyRing(),
                new JavaPreferencesStore(Preferences.userRoot().node("sealmail/ui")), new AccountSetupService() {
                    @Override
                    public DiscoveredServers discover(String address) {
                        return DiscoveredServers.nothing();
                    }

                    @Override
                    public void create(NewAccount account) {
                        throw new IllegalStateException("this build has no local mail store yet");
                    }
                });
    }

    /** @return Encrypt and Do Not Forward, the built-in rights templates (DESIGN.md) */
    public static List<TemplateOption> builtInTemplates() {
        return List.of(new TemplateOption(ProtectionChoice.ENCRYPT, "Encrypt", true),
                new TemplateOption(ProtectionChoice.DO_NOT_FORWARD, "Do Not Forward", true));
    }
}

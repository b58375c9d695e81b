package org.sealmail.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sealmail.app.rights.DeviceKeys;
import org.sealmail.crypto.rights.license.DeviceKey;
import org.sealmail.app.rights.OnlineLicenseRequester;
import org.sealmail.app.rights.ProfileRightsSettings;
import org.sealmail.app.rights.RightsServerRegistrar;
import org.sealmail.app.rights.RightsServerTransport;
import org.sealmail.app.rights.ServerKeyPins;
import org.sealmail.app.sending.CertificateRecipientDirectory;
import org.sealmail.app.ui.opening.PasscodeDialog;
import org.sealmail.app.ui.opening.StoredMessageOpener;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.secrets.SecretStore;
import org.sealmail.policy.send.OutgoingMessagePipeline;

/**
 * The desktop client's online licensing, when the profile names a rights server ({@link ProfileRightsSettings}):
 * the send pipeline registers messages for recipients without a certificate, such a recipient is ready when the
 * server answers, and the reader opens through the server with the passcode dialog. The device key is kept in the
 * profile's secret store (OS keyring or the password file). Without settings every
 * method hands its argument back unchanged.
 */
final class DesktopOnlineLicensing {

    private final Optional<RightsServerRegistrar> registrar;
    private final Optional<StoredMessageOpener.OnlineOpening> opening;

    private DesktopOnlineLicensing(Optional<RightsServerRegistrar> registrar, Optional<StoredMessageOpener.OnlineOpening> opening) {
        this.registrar = registrar;
        this.opening = opening;
    }

    static DesktopOnlineLicensing of(Optional<ProfileRightsSettings> settings, Path profile, SqliteMailStore store,
            SecretStore secrets, Clock clock) {
        if (settings.isEmpty()) {
            return new DesktopOnlineLicensing(Optional.empty(), Optional.empty());
        }
        RightsServerTransport transport = RightsServerTransport.create(settings.get().trust());
        RightsServerRegistrar registrar = new RightsServerRegistrar(settings.get(), transport, clock);
        List<String> addresses = store.accounts().list().stream().flatMap(account -> account.identities().stream())
                .map(identity -> identity.address().toLowerCase(Locale.ROOT)).distinct().toList();
        if (addresses.isEmpty()) {
            return new DesktopOnlineLicensing(Optional.of(registrar), Optional.empty());
        }
        DeviceKey device = DeviceKeys.loadOrCreate(secrets);
        OnlineLicenseRequester requester = new OnlineLicenseRequester(transport,
                new PasscodeDialog(UiText.forLocale(Locale.getDefault())), new ServerKeyPins(profile), clock);
        return new DesktopOnlineLicensing(Optional.of(registrar),
                Optional.of(new StoredMessageOpener.OnlineOpening(device, addresses, requester)));
    }

    StoredMessageOpener opener(StoredMessageOpener opener) {
        return opening.map(opener::withOnlineLicensing).orElse(opener);
    }

    CertificateRecipientDirectory directory(CertificateRecipientDirectory directory) {
        return registrar.map(port -> directory.withOnlineLicensing(port::reachable)).orElse(directory);
    }

    OutgoingMessagePipeline pipeline(OutgoingMessagePipeline pipeline) {
        return registrar.map(pipeline::withOnlineLicensing).orElse(pipeline);
    }
}

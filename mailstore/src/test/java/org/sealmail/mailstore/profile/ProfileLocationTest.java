package org.sealmail.mailstore.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileLocationTest {

    private static final Path HOME = Path.of("/home/ann");

    @Test
    void theOptionWinsOverTheEnvironment() {
        ProfileLocation location = new ProfileLocation(Map.of("SEALMAIL_HOME", "/srv/env"), "Linux", HOME);
        assertThat(location.resolve(Optional.of(Path.of("/tmp/opt")))).isEqualTo(Path.of("/tmp/opt"));
    }

    @Test
    void theEnvironmentWinsOverTheOperatingSystemDefault() {
        ProfileLocation location = new ProfileLocation(Map.of("SEALMAIL_HOME", "/srv/env"), "Linux", HOME);
        assertThat(location.resolve(Optional.empty())).isEqualTo(Path.of("/srv/env"));
    }

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(new ProfileLocation(Map.of("XDG_DATA_HOME", "/data"), "Linux", HOME).resolve(Optional.empty()))
                .isEqualTo(Path.of("/data/sealmail"));
        assertThat(new ProfileLocation(Map.of(), "Linux", HOME).resolve(Optional.empty()))
                .isEqualTo(Path.of("/home/ann/.local/share/sealmail"));
        // XDG Base Directory Specification: a relative XDG_DATA_HOME is invalid and ignored
        assertThat(new ProfileLocation(Map.of("XDG_DATA_HOME", "relative"), "Linux", HOME).resolve(Optional.empty()))
                .isEqualTo(Path.of("/home/ann/.local/share/sealmail"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(new ProfileLocation(Map.of("APPDATA", "/users/ann/AppData/Roaming"), "Windows 11", HOME).operatingSystemDefault())
                .isEqualTo(Path.of("/users/ann/AppData/Roaming/Sealmail"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(new ProfileLocation(Map.of(), "Mac OS X", HOME).operatingSystemDefault())
                .isEqualTo(Path.of("/home/ann/Library/Application Support/Sealmail"));
    }

    @Test
    void aRelativeOptionIsMadeAbsolute() {
        Path resolved = new ProfileLocation(Map.of(), "Linux", HOME).resolve(Optional.of(Path.of("rel/dir")));
        assertThat(resolved.isAbsolute()).isTrue();
        assertThat(resolved.endsWith(Path.of("rel", "dir"))).isTrue();
    }
}

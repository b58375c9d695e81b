package org.sealmail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sealmail --help} lists every exit code the command line can return, once each. */
class ExitCodeListTest {

    @Test
    void theHelpListsEveryExitCode() {
        List<Integer> listed = SealmailCommand.commandLine().getCommandSpec().usageMessage().exitCodeList().keySet()
                .stream().map(key -> Integer.parseInt(key.trim())).sorted().toList();

        assertThat(listed).containsExactlyElementsOf(Arrays.stream(ExitCode.values()).map(ExitCode::code).sorted().toList());
    }
}

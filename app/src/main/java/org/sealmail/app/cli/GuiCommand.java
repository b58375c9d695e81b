package org.sealmail.app.cli;

import java.util.concurrent.Callable;
import org.sealmail.app.ui.DesktopServices;
import org.sealmail.app.ui.GuiLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sealmail gui}: opens the desktop client (also what {@code sealmail} without arguments does). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop client on the profile's store (needs a graphical display).")
public final class GuiCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    SealmailCommand parent;

    @Override
    public Integer call() {
        return GuiLauncher.launch(() -> DesktopServices.open(parent.profileDirectory()), spec.commandLine().getErr()).code();
    }
}

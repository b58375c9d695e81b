package org.sealmail.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest (or "development" when run from classes). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SealmailCommand.class.getPackage().getImplementationVersion();
        return new String[] {"sealmail " + (version != null ? version : "development")};
    }
}

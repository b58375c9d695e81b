package org.sealmail.app.cli.mail;

import java.util.concurrent.Callable;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.accounts.AccountPasswords;
import org.sealmail.mailstore.accounts.ServerRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail account password}: stores a new password for an account and clears its
 * "authentication failed" mark, so the servers are tried again.
 */
@Command(name = "password", mixinStandardHelpOptions = true,
        description = "Change an account's stored password; clears its 'authentication failed' mark.")
public final class AccountPasswordCommand implements Callable<Integer> {

    @ParentCommand
    AccountCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "Account name or address.")
    String account;

    @Mixin
    MailPasswordOptions passwords;

    @Override
    public Integer call() {
        char[] password = passwords.accountPassword().orElseThrow(() -> new IllegalArgumentException(
                "no password: give --pass-file FILE or --pass-env VAR"));
        try (MailProfile profile = new MailProfile(parent.profileDirectory(), passwords)) {
            Account found = profile.account(account);
            AccountPasswords stored = new AccountPasswords(profile.secrets());
            stored.setPassword(found.id(), ServerRole.IMAP, password);
            stored.setPassword(found.id(), ServerRole.SMTP, password);
            profile.status().clearAuthenticationFailure(String.valueOf(found.id()));
            spec.commandLine().getOut().printf("Password of %s changed%n", found.name());
        }
        return 0;
    }
}

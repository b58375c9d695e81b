package org.sealmail.app.cli.mail;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sealmail.app.cli.SealmailCommand;
import org.sealmail.mailstore.accounts.Account;
import org.sealmail.mailstore.imap.Backoff;
import org.sealmail.mailstore.imap.FolderSyncResult;
import org.sealmail.mailstore.imap.ImapIdleWatcher;
import org.sealmail.mailstore.imap.ImapMailSync;
import org.sealmail.mailstore.imap.SyncTrigger;
import org.sealmail.mailstore.smtp.OutboxRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealmail sync}: sends what is due in the outbox, then mirrors every folder of the
 * account(s) into the store; with {@code --idle}, keeps watching INBOX (IMAP IDLE) and syncs it on
 * every change until interrupted.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Send due outbox messages, then synchronise folders, flags and deletions with the server.")
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    SealmailCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account (name or address).")
    String account;

    @Option(names = "--idle", description = "Keep watching INBOX with IMAP IDLE and sync on every change (Ctrl-C ends).")
    boolean idle;

    @Option(names = "--idle-seconds", paramLabel = "N", description = "With --idle: stop after N seconds (default: run until interrupted).")
    long idleSeconds;

    @Mixin
    MailPasswordOptions passwords;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (MailProfile profile = new MailProfile(root.profileDirectory(), passwords)) {
            List<Account> accounts = account != null ? List.of(profile.account(account)) : profile.accounts();
            if (accounts.isEmpty()) {
                throw new IllegalArgumentException("no accounts yet (sealmail account add --email ...)");
            }
            if (idle && accounts.size() != 1) {
                throw new IllegalArgumentException("--idle watches one account: give --account");
            }
            for (Account a : accounts) {
                try (ImapMailSync sync = profile.sync(a)) {
                    OutboxRun sent = profile.sender(a, sync).sendPending();
                    if (sent.sent() + sent.recoveredAsSent() + sent.requeued() + sent.failed() + sent.unknown() > 0) {
                        out.printf("%s: outbox sent %d, queued again %d, failed %d%n", a.name(),
                                sent.sent() + sent.recoveredAsSent(), sent.requeued(), sent.failed());
                        sent.errors().forEach(e -> out.println("  " + e));
                    }
                    for (FolderSyncResult r : sync.syncAll()) {
                        out.printf("%s/%s: +%d new, %d flag changes, -%d removed%s (%s)%n", a.name(), r.folder(), r.added(),
                                r.flagsUpdated(), r.removed(), r.uidValidityReset() ? ", cache reset (UIDVALIDITY changed)" : "",
                                r.strategy());
                    }
                    if (idle) {
                        idle(profile, a, sync, out);
                    }
                }
            }
        }
        return 0;
    }

    private void idle(MailProfile profile, Account a, ImapMailSync sync, PrintWriter out) throws InterruptedException {
        CountDownLatch forever = new CountDownLatch(1);
        try (SyncTrigger trigger = new SyncTrigger("sync-" + a.name(), () -> {
                    FolderSyncResult r = sync.syncFolder("INBOX");
                    if (r.changedAnything()) {
                        out.printf("%s/INBOX: +%d new, %d flag changes, -%d removed%n", a.name(), r.added(), r.flagsUpdated(),
                                r.removed());
                        out.flush();
                    }
                });
                ImapIdleWatcher watcher = new ImapIdleWatcher(profile.connector(a), "INBOX", trigger,
                        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)), Duration.ofMinutes(2))) {
            watcher.start();
            out.printf("%s: watching INBOX (IDLE)%n", a.name());
            out.flush();
            if (idleSeconds > 0) {
                forever.await(idleSeconds, TimeUnit.SECONDS);
            } else {
                forever.await();
            }
            if (watcher.stoppedBy() != null) {
                throw watcher.stoppedBy();
            }
        }
    }

}

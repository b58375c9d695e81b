package org.sealmail.app.cli.store;

import org.sealmail.app.cli.TerminalText;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.messages.StoredMessage;
import org.sealmail.mailstore.search.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealmail store search "QUERY"}: full-text search, newest first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search subject, names, addresses and the text of unprotected mail; newest first.",
            "Every word must match. Forms: word, \"a phrase\", prefix*, subject:word, from:word, to:word, body:word.",
            "Output: one line per message: date (UTC), sender, subject, folder."})
public final class StoreSearchCommand implements Callable<Integer> {

    private static final int FIELD_CHARS = 200;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    StoreCommand store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "What to look for.")
    String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try {
            SearchQuery.parse(query);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteMailStore mailStore = store.open()) {
            List<StoredMessage> results = mailStore.search().search(query, limit);
            for (StoredMessage message : results) {
                String folder = mailStore.folders().find(message.folderId()).map(f -> f.name()).orElse("?");
                String sender = message.from().isEmpty() ? "(no sender)" : message.from().get(0).toString();
                String subject = message.subject() == null ? "(no subject)" : message.subject();
                out.printf("%s  %s  %s  [%s]%n", DATE.format(message.internalDate()), TerminalText.oneLine(sender, FIELD_CHARS),
                        TerminalText.oneLine(subject, FIELD_CHARS), TerminalText.oneLine(folder, FIELD_CHARS));
            }
            if (results.isEmpty()) {
                spec.commandLine().getErr().println("No message matches " + TerminalText.oneLine(query, FIELD_CHARS));
            }
        }
        return 0;
    }
}

package org.sealmail.mailstore.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.TestResources;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;

/**
 * Imports the whole SpamAssassin corpus (6,046 real messages, 32 MB) from the shared corpus beside
 * the clone (CI has it at ../shared; it is too large to copy into the repository).
 */
class SpamAssassinImportIT {

    @TempDir
    Path profile;

    @Test
    void importsExactlyTheCorpusCountAndKeepsEveryMalformedMessage() {
        Optional<Path> mbox = TestResources.sharedCorpus("spamassassin/spamassassin.mbox");
        Assumptions.assumeTrue(mbox.isPresent(), "shared/corpus/spamassassin/spamassassin.mbox is not beside this clone");
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder folder = store.folders().localFolder("SpamAssassin");
            ImportReport report = store.importer().importMbox(mbox.get(), folder.id(), ImportProgress.NONE);

            // SOURCE.md: grep -c '^From ' = 6046; Python's mailbox.mbox also reads 6046 messages with
            // 6046 distinct SHA-256 hashes, so none is a duplicate
            assertThat(report.imported()).isEqualTo(6046);
            assertThat(report.duplicates()).isZero();
            assertThat(store.messages().count(folder.id())).isEqualTo(6046);
            // malformed ones are kept, with their warning, among the 6046
            assertThat(report.malformed()).isEqualTo(65);
            assertThat(report.warnings()).hasSize(65).allSatisfy(w ->
                    assertThat(store.messages().find(w.messageId()).orElseThrow().parseWarning()).isEqualTo(w.warning()));
            assertThat(store.search().search("spamassassin", 5)).hasSize(5);

            // the peer: Python 3.11's email package (compat32), walking every part's defects, reports
            // StartBoundaryNotFoundDefect for messages #4616 and #5859 and CloseBoundaryNotFoundDefect
            // for the 52 below; we agree on all but #4187, whose close delimiter is followed by
            // "</BODY></HTML>" on the same line (not transport padding by RFC 2046 §5.1.1, but
            // Jakarta Mail accepts it)
            Map<Long, Integer> indexOfOffset = indexOfOffset(mbox.get());
            Set<Integer> missingStart = new TreeSet<>();
            Set<Integer> missingClose = new TreeSet<>();
            for (ImportWarning warning : report.warnings()) {
                int index = indexOfOffset.get(Long.parseLong(warning.source().substring(warning.source().indexOf('@') + 1)));
                if (warning.warning().contains("Missing start boundary")) {
                    missingStart.add(index);
                }
                if (warning.warning().contains("closing boundary")) {
                    missingClose.add(index);
                }
            }
            assertThat(missingStart).containsExactly(4616, 5859);
            Set<Integer> python = new TreeSet<>(List.of(3920, 4171, 4172, 4187, 4188, 4223, 4227, 4236, 4241, 4244, 4264, 4277,
                    4284, 4329, 4336, 4347, 4355, 4368, 4390, 4424, 4448, 4452, 4488, 4489, 4519, 4589, 4621, 4658, 4820, 5025,
                    5028, 5074, 5079, 5089, 5090, 5095, 5115, 5138, 5185, 5250, 5260, 5261, 5314, 5320, 5359, 5384, 5510, 5820,
                    5836, 5850, 5885, 5996));
            python.remove(4187);
            assertThat(missingClose).isEqualTo(python);
        }
    }

    private static Map<Long, Integer> indexOfOffset(Path mbox) {
        Map<Long, Integer> offsets = new HashMap<>();
        try (MboxReader reader = new MboxReader(Files.newInputStream(mbox), mbox.toString())) {
            MboxReader.Entry entry;
            int index = 0;
            while ((entry = reader.next()) != null) {
                offsets.put(entry.offset(), index++);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offsets;
    }
}

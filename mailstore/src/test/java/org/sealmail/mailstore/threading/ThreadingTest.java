package org.sealmail.mailstore.threading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealmail.mailstore.StoreFixture;
import org.sealmail.mailstore.TestResources;
import org.sealmail.mailstore.db.SqliteMailStore;
import org.sealmail.mailstore.folders.Folder;
import org.sealmail.mailstore.messages.MessageParser;
import org.sealmail.mailstore.messages.ParsedMessage;
import org.sealmail.mailstore.messages.StoredMessage;
import org.sealmail.mailstore.transfer.ImportProgress;

class ThreadingTest {

    @TempDir
    Path profile;

    @Test
    void jwzGroupsAHandCheckedSet() {
        // a: root; b replies to a; c replies to b (References a b); d names a missing parent x;
        // e replies to x too -> d and e share the thread of the empty container x; f stands alone;
        // g points at itself (a loop JWZ refuses) and stays alone; h reuses f's Message-ID: a
        // distinct message, alone
        List<JwzThreading.Input> input = List.of(
                new JwzThreading.Input(1, "a", List.of()),
                new JwzThreading.Input(2, "b", List.of("a")),
                new JwzThreading.Input(3, "c", List.of("a", "b")),
                new JwzThreading.Input(4, "d", List.of("x")),
                new JwzThreading.Input(5, "e", List.of("x")),
                new JwzThreading.Input(6, "f", List.of()),
                new JwzThreading.Input(7, "g", List.of("g")),
                new JwzThreading.Input(8, "f", List.of()));
        assertThat(JwzThreading.threads(input))
                .containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L), List.of(6L), List.of(7L), List.of(8L));
    }

    @Test
    void jwzThreadsAReplyArrivingBeforeItsParent() {
        List<JwzThreading.Input> input = List.of(
                new JwzThreading.Input(1, "c", List.of("a", "b")),
                new JwzThreading.Input(2, "a", List.of()),
                new JwzThreading.Input(3, "b", List.of("a")));
        assertThat(JwzThreading.threads(input)).containsExactly(List.of(1L, 2L, 3L));
    }

    @Test
    void theStoreGroupsConversationsLikeJwzWhateverTheArrivalOrder() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder folder = store.folders().localFolder("T");
            // the reply to the reply arrives first, then an unrelated message, then the root, then the middle
            long c = add(store, folder, "c@x", "Re: Re: plan", "References: <a@x> <b@x>");
            long z = add(store, folder, "z@x", "Other");
            long a = add(store, folder, "a@x", "plan");
            long b = add(store, folder, "b@x", "Re: plan", "In-Reply-To: <a@x>");
            StoredMessage root = store.messages().find(a).orElseThrow();
            assertThat(store.messages().conversation(root.conversationId())).extracting(StoredMessage::id)
                    .containsExactlyInAnyOrder(a, b, c);
            assertThat(store.messages().find(z).orElseThrow().conversationId()).isNotEqualTo(root.conversationId());
        }
    }

    @Test
    void theStoresConversationsEqualJwzThreadsOnTheTestCorpus() {
        try (SqliteMailStore store = SqliteMailStore.open(profile)) {
            Folder folder = store.folders().localFolder("Corpus");
            for (String mbox : List.of("spamassassin/spamassassin-first150.mbox", "james-mime4j/mbox.rlug", "sisimai/mbox-0")) {
                store.importer().importMbox(TestResources.path(mbox), folder.id(), ImportProgress.NONE);
            }
            MessageParser parser = new MessageParser();
            List<JwzThreading.Input> input = new ArrayList<>();
            Map<Long, Long> conversationOf = new HashMap<>();
            // JWZ takes the messages in the order the store received them (row id order)
            List<Long> ids = new ArrayList<>(store.messages().idsOldestFirst(folder.id()));
            ids.sort(null);
            for (Long id : ids) {
                ParsedMessage parsed = parser.parse(store.messages().raw(id).orElseThrow());
                input.add(new JwzThreading.Input(id, parsed.messageId(), parsed.parentIds()));
                conversationOf.put(id, store.messages().find(id).orElseThrow().conversationId());
            }
            List<List<Long>> jwz = JwzThreading.threads(input);
            Set<Set<Long>> stored = new HashSet<>();
            Map<Long, Set<Long>> byConversation = new HashMap<>();
            conversationOf.forEach((id, conversation) -> byConversation.computeIfAbsent(conversation, k -> new HashSet<>()).add(id));
            stored.addAll(byConversation.values());
            Set<Set<Long>> expected = new HashSet<>();
            jwz.forEach(thread -> expected.add(new HashSet<>(thread)));

            assertThat(stored).isEqualTo(expected);
            // the corpus has real threads (the rlug list: 5 messages in 2 threads by their References),
            // and sisimai's mbox-0 has messages sharing a Message-ID, which JWZ keeps apart
            assertThat(expected.stream().filter(thread -> thread.size() > 1)).isNotEmpty();
            assertThat(stored).contains(Set.of(180L), Set.of(183L));
        }
    }

    private static long add(SqliteMailStore store, Folder folder, String id, String subject, String... headers) {
        return store.messages().add(folder.id(), StoreFixture.incoming(
                StoreFixture.plain(id, "a@example.test", "b@example.test", subject, "x", headers), Instant.EPOCH)).messageId();
    }
}

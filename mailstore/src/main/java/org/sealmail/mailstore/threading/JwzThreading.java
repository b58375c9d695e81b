package org.sealmail.mailstore.threading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Jamie Zawinski's message threading algorithm (https://www.jwz.org/doc/threading.html), steps 1
 * and 2: containers by Message-ID, parent links from References (loops and re-parenting refused
 * as the algorithm says), then the root set. Returns the threads as groups of messages; pruning
 * empty containers (steps 3-4) does not change which messages share a thread, and grouping roots
 * by subject (step 5) is not done, as in most current clients.
 */
public final class JwzThreading {

    /**
     * One message to thread.
     *
     * @param key the caller's identifier of the message
     * @param messageId its Message-ID (no brackets), or {@code null}
     * @param parentIds its References ids oldest first, or its In-Reply-To id if it has no References
     */
    public record Input(long key, String messageId, List<String> parentIds) {

        /** Copies the list. */
        public Input {
            parentIds = List.copyOf(parentIds);
        }
    }

    private static final class Container {
        private Input message;
        private Container parent;
    }

    private JwzThreading() {
    }

    /**
     * @param messages the messages
     * @return the threads, each a list of message keys in input order; threads in order of their first message
     */
    public static List<List<Long>> threads(List<Input> messages) {
        Map<String, Container> byId = new HashMap<>();
        Map<Input, Container> ofMessage = new IdentityHashMap<>();
        for (Input message : messages) {
            Container own = byId.get(message.messageId());
            if (own == null || own.message != null) {
                own = new Container();
                if (message.messageId() != null && !byId.containsKey(message.messageId())) {
                    byId.put(message.messageId(), own);
                }
            }
            own.message = message;
            ofMessage.put(message, own);
            Container previous = null;
            for (String referenceId : message.parentIds()) {
                Container reference = byId.computeIfAbsent(referenceId, id -> new Container());
                if (previous != null && reference.parent == null && !wouldLoop(previous, reference)) {
                    reference.parent = previous;
                }
                previous = reference;
            }
            own.parent = null;
            if (previous != null && !wouldLoop(previous, own)) {
                own.parent = previous;
            }
        }
        List<List<Long>> threads = new ArrayList<>();
        Map<Container, List<Long>> byRoot = new IdentityHashMap<>();
        for (Input message : messages) {
            Container root = ofMessage.get(message);
            while (root.parent != null) {
                root = root.parent;
            }
            List<Long> thread = byRoot.get(root);
            if (thread == null) {
                thread = new ArrayList<>();
                byRoot.put(root, thread);
                threads.add(thread);
            }
            thread.add(message.key());
        }
        return threads;
    }

    /** @return true if making {@code parent} the parent of {@code child} would close a loop */
    private static boolean wouldLoop(Container parent, Container child) {
        for (Container up = parent; up != null; up = up.parent) {
            if (Objects.equals(up, child)) {
                return true;
            }
        }
        return false;
    }
}

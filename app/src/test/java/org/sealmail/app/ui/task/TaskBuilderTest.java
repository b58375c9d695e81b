package org.sealmail.app.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBuilderTest {

    private final List<String> events = new ArrayList<>();
    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();

    @Test
    void successRunsOnSuccessThenFinally() {
        TaskBuilder.create(() -> 42).onSuccess(v -> events.add("success " + v))
                .onAnyError(e -> events.add("error")).andFinally(() -> events.add("finally")).runOn(executor);

        assertThat(events).containsExactly("success 42", "finally");
    }

    @Test
    void theFirstMatchingTypedHandlerTakesTheFailure() {
        TaskBuilder.create(() -> {
            throw new UncheckedIOException(new IOException("disk gone"));
        }).onError(IllegalStateException.class, e -> events.add("state"))
                .onError(RuntimeException.class, e -> events.add("runtime " + e.getCause().getMessage()))
                .onAnyError(e -> events.add("any"))
                .andFinally(() -> events.add("finally")).runOn(executor);

        assertThat(events).containsExactly("runtime disk gone", "finally");
    }

    @Test
    void unmatchedFailuresGoToTheFallbackAndProgressIsReported() {
        TaskBuilder.createWithProgress(progress -> {
            progress.report(new Progress(1, 4, "step"));
            throw new IOException("no route");
        }).onProgress(p -> events.add("progress " + p.fraction()))
                .onError(IllegalArgumentException.class, e -> events.add("wrong"))
                .onAnyError(e -> events.add("fallback " + e.getMessage())).runOn(executor);

        assertThat(events).containsExactly("progress 0.25", "fallback no route");
    }
}

package org.sealmail.policy.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A catastrophically backtracking pattern is stopped by the deadline on the calling thread.
 * {@code (a+)+$} itself no longer backtracks exponentially since JDK 9 (the regex engine memoizes
 * loop positions of such groups); one more level of nesting, {@code ((a+)+)+$}, still does: 1.4 s
 * for 20 a's and 4.3 s for 24 on this machine, doubling every character or two.
 */
class DeadlineCharSequenceTest {

    private static final Pattern CATASTROPHIC = Pattern.compile("((a+)+)+$");

    @Test
    void aCatastrophicPatternIsStoppedSoonAfterItsDeadline() {
        String text = "a".repeat(40) + "!"; // exponential in the number of a's: days without a deadline
        long start = System.nanoTime();

        assertThatThrownBy(() -> CATASTROPHIC.matcher(new DeadlineCharSequence(text, Deadline.after(Duration.ofMillis(100))))
                .find()).isInstanceOf(DeadlineExceededException.class).hasMessage("did not finish within 100 ms");

        // a correctness bound (stopped at all, promptly), far above the 100 ms budget so slow machines pass
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anInterruptedThreadStopsMatching() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> CATASTROPHIC.matcher(new DeadlineCharSequence("a".repeat(40) + "!",
                    Deadline.after(Duration.ofMinutes(1)))).find())
                    .isInstanceOfSatisfying(DeadlineExceededException.class, e -> assertThat(e.interrupted()).isTrue());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anOrdinaryMatchIsUnaffected() {
        DeadlineCharSequence text = new DeadlineCharSequence("order 12345 shipped", Deadline.after(Duration.ofSeconds(1)));
        var matcher = Pattern.compile("\\d+").matcher(text);

        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group()).isEqualTo("12345");
    }
}

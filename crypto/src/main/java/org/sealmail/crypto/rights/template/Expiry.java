package org.sealmail.crypto.rights.template;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * When content protected with a template stops opening: never, at a fixed instant, or a
 * period after it was protected. Written as {@code never}, an ISO-8601 UTC instant
 * ({@code 2030-12-31T23:59:59Z}) or an ISO-8601 duration ({@code P30D}, {@code PT12H}).
 */
public sealed interface Expiry {

    /** Content never expires. */
    Expiry NEVER = new Never();

    /**
     * @param protectedAt when the content is protected (UTC)
     * @return the instant the content expires, or empty for never
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if a period reaches past the last instant
     *     Java represents (year 1,000,000,000)
     */
    Optional<Instant> notAfter(Instant protectedAt);

    /** @return the written form, parseable by {@link #parse} */
    String text();

    /** Never expires. */
    record Never() implements Expiry {
        @Override
        public Optional<Instant> notAfter(Instant protectedAt) {
            return Optional.empty();
        }

        @Override
        public String text() {
            return "never";
        }
    }

    /** Expires at a fixed instant. @param at the instant (UTC) */
    record At(Instant at) implements Expiry {
        @Override
        public Optional<Instant> notAfter(Instant protectedAt) {
            return Optional.of(at);
        }

        @Override
        public String text() {
            return at.toString();
        }
    }

    /** Expires a period after protection. @param period a positive duration */
    record After(Duration period) implements Expiry {
        /** @throws IllegalArgumentException if the period is zero or negative */
        public After {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("expiry period must be positive");
            }
        }

        @Override
        public Optional<Instant> notAfter(Instant protectedAt) {
            try {
                return Optional.of(protectedAt.plus(period));
            } catch (ArithmeticException | DateTimeException e) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "expiry period " + period + " after " + protectedAt
                        + " is too long", e);
            }
        }

        @Override
        public String text() {
            return period.toString();
        }
    }

    /**
     * Parses the written form.
     *
     * @param text {@code never}, an ISO-8601 instant ending in Z, or an ISO-8601 duration such as {@code P30D}
     * @return the expiry
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} if it is none of these
     */
    static Expiry parse(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("never")) {
            return NEVER;
        }
        try {
            if (value.matches("[-+]?[Pp].*")) {
                Duration period = Duration.parse(value);
                if (period.isNegative() || period.isZero()) {
                    throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "expiry period must be positive: " + value);
                }
                return new After(period);
            }
            return new At(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "expiry '" + value
                    + "' is neither 'never', a UTC instant like 2030-12-31T23:59:59Z nor a duration like P30D", e);
        }
    }
}

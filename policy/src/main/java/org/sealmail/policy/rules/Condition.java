package org.sealmail.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sealmail.policy.content.AttachmentFacts;
import org.sealmail.policy.content.TextSection;
import org.sealmail.policy.detect.Confidence;
import org.sealmail.policy.detect.SensitiveType;

/** One condition of a rule (docs/protection-rules.md, "Conditions"). */
public sealed interface Condition {

    /** @return the condition as written in the rules file (without {@code when}) */
    String text();

    /**
     * @param context the message and evaluation state
     * @return why it matched, or empty if it did not
     * @throws org.sealmail.policy.regex.DeadlineExceededException if the evaluation deadline passes
     */
    Optional<MatchReason> test(EvaluationContext context);

    /** Matches every message ({@code when always}). */
    record Always() implements Condition {
        @Override
        public String text() {
            return "always";
        }

        @Override
        public Optional<MatchReason> test(EvaluationContext context) {
            return Optional.of(new MatchReason(text(), Optional.empty(), 1, "the rule applies to every message"));
        }
    }

    /** Which recipients a {@link Recipient} condition looks for. */
    enum RecipientScope {
        /** a recipient in an organization domain */
        INSIDE,
        /** a recipient outside every organization domain */
        OUTSIDE,
        /** a recipient in one of the listed domains (or their subdomains) */
        DOMAIN,
        /** one of the listed addresses */
        ADDRESS
    }

    /**
     * At least one recipient (To, Cc or Bcc) in the scope.
     *
     * @param scope what to look for
     * @param values the domains or addresses listed, lower case (empty for inside/outside)
     * @param text as written
     */
    record Recipient(RecipientScope scope, List<String> values, String text) implements Condition {
        /** Checks and copies the fields. */
        public Recipient {
            Objects.requireNonNull(scope, "scope");
            values = values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<MatchReason> test(EvaluationContext context) {
            int count = 0;
            for (String address : context.content().recipients()) {
                boolean match = switch (scope) {
                    case INSIDE -> context.ruleSet().isInside(address);
                    case OUTSIDE -> !context.ruleSet().isInside(address);
                    case DOMAIN -> values.stream().anyMatch(domain -> Conditions.domainMatches(Conditions.domainOf(address), domain));
                    case ADDRESS -> values.contains(address);
                };
                count += match ? 1 : 0;
            }
            if (count == 0) {
                return Optional.empty();
            }
            String where = switch (scope) {
                case INSIDE -> "inside the organization";
                case OUTSIDE -> "outside the organization";
                case DOMAIN -> "in a listed domain";
                case ADDRESS -> "on the rule's address list";
            };
            return Optional.of(new MatchReason(text, Optional.empty(), count,
                    Conditions.plural(count, "recipient", "recipients") + " " + where));
        }
    }

    /** Where a {@link TextMatch} condition looks. */
    enum TextField {
        /** the subject */
        SUBJECT("subject"),
        /** the body (text and HTML parts, not attachments) */
        BODY("body"),
        /** the subject or the body */
        SUBJECT_OR_BODY("subject or body");

        private final String words;

        TextField(String words) {
            this.words = words;
        }
    }

    /**
     * Keywords (whole words, case-insensitive) or a regular expression in the subject and/or body.
     *
     * @param field where to look
     * @param patterns one per keyword, or the one regular expression
     * @param regex whether it is a regular expression (for the explanation)
     * @param text as written
     */
    record TextMatch(TextField field, List<Pattern> patterns, boolean regex, String text) implements Condition {
        /** Checks and copies the fields. */
        public TextMatch {
            Objects.requireNonNull(field, "field");
            patterns = List.copyOf(patterns);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<MatchReason> test(EvaluationContext context) {
            List<String> texts = new ArrayList<>();
            if (field != TextField.BODY) {
                texts.add(context.content().subject());
            }
            if (field != TextField.SUBJECT) {
                context.content().body().stream().map(TextSection::text).forEach(texts::add);
            }
            int count = Conditions.count(patterns, texts, context.deadline());
            if (count == 0) {
                return Optional.empty();
            }
            String what = regex ? "the regular expression" : "a listed keyword";
            return Optional.of(new MatchReason(text, Optional.empty(), count, "the " + field.words + " matches " + what
                    + " (" + Conditions.plural(count, "match", "matches") + ")"));
        }
    }

    /**
     * An attachment whose file name matches a glob, or whose media type matches ({@code type/*} allowed).
     *
     * @param byName names (true) or media types (false)
     * @param patterns name globs, or media types in lower case
     * @param text as written
     */
    record Attachment(boolean byName, List<String> patterns, String text) implements Condition {
        /** Checks and copies the fields. */
        public Attachment {
            patterns = List.copyOf(patterns);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<MatchReason> test(EvaluationContext context) {
            int count = 0;
            for (AttachmentFacts attachment : context.content().attachments()) {
                count += matches(attachment) ? 1 : 0;
            }
            if (count == 0) {
                return Optional.empty();
            }
            return Optional.of(new MatchReason(text, Optional.empty(), count, Conditions.plural(count, "attachment",
                    "attachments") + " with a listed " + (byName ? "file name" : "type")));
        }

        private boolean matches(AttachmentFacts attachment) {
            for (String pattern : patterns) {
                if (byName) {
                    if (Conditions.glob(pattern).matcher(attachment.fileName()).matches()) {
                        return true;
                    }
                } else if (pattern.endsWith("/*") ? attachment.mediaType().startsWith(pattern.substring(0, pattern.length() - 1))
                        : attachment.mediaType().equals(pattern)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * At least {@code minimumCount} items of a sensitive type with at least {@code minimumConfidence}, in the
     * body and text attachments.
     *
     * @param type the type
     * @param minimumCount how many items it takes (for list types: distinct items), 1 or more
     * @param minimumConfidence the weakest confidence that counts
     * @param text as written
     */
    record Sensitive(SensitiveType type, int minimumCount, Confidence minimumConfidence, String text) implements Condition {
        /** Checks the fields. */
        public Sensitive {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(minimumConfidence, "minimumConfidence");
            Objects.requireNonNull(text, "text");
            if (minimumCount < 1) {
                throw new IllegalArgumentException("the minimum count must be 1 or more");
            }
        }

        @Override
        public Optional<MatchReason> test(EvaluationContext context) {
            int count = context.report().count(type, minimumConfidence);
            if (count < minimumCount) {
                return Optional.empty();
            }
            String items = count == 1 ? type.description() : type.plural();
            return Optional.of(new MatchReason(text, Optional.of(type), count, count + " " + (type.isList() ? "distinct " : "")
                    + items + " (confidence " + minimumConfidence.ruleName() + " or higher; the rule needs "
                    + minimumCount + ")"));
        }
    }
}

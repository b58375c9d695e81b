package org.sealmail.policy.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.sealmail.policy.detect.Confidence;
import org.sealmail.policy.detect.SensitiveType;
import org.sealmail.policy.rules.Condition.RecipientScope;
import org.sealmail.policy.rules.Condition.TextField;
import org.sealmail.policy.rules.RuleLineTokenizer.Kind;
import org.sealmail.policy.rules.RuleLineTokenizer.Token;

/**
 * Parses the statements inside a rule of a rules file: the condition after {@code when} and the
 * action after {@code then} (docs/protection-rules.md, "Conditions", "Actions"). Problems go to
 * the {@link ProblemReporter} with their line; template names are resolved later, by
 * {@link RulesFileParser}, once the whole file is read.
 */
final class RuleStatementParser {

    /** Receives a problem at a line. */
    @FunctionalInterface
    interface ProblemReporter {
        void problem(int line, String reason);
    }

    /** A parsed action: either complete, or a template still to be resolved by name. */
    sealed interface ActionStatement {
    }

    /** @param action a complete action */
    record Resolved(RuleAction action) implements ActionStatement {
    }

    /**
     * @param name the template's name
     * @param branding the branding named by the action, if any
     * @param line where
     */
    record TemplateReference(String name, Optional<String> branding, int line) implements ActionStatement {
    }

    static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ADDRESS = Pattern.compile("(?i)[^\\s@\",]+@" + DOMAIN.pattern().substring(4));
    private static final Pattern MEDIA_TYPE = Pattern.compile("(?i)[a-z0-9][a-z0-9!#$&^_.+-]*/(?:\\*|[a-z0-9][a-z0-9!#$&^_.+-]*)");
    private static final Pattern AT_LEAST = Pattern.compile(">=(\\d{1,6})");

    private final ProblemReporter problems;

    RuleStatementParser(ProblemReporter problems) {
        this.problems = problems;
    }

    /**
     * @param rest the tokens after {@code when}
     * @param number the line
     * @return the condition, or empty after reporting the problem
     */
    Optional<Condition> condition(List<Token> rest, int number) {
        if (rest.isEmpty() || rest.get(0).kind() != Kind.WORD) {
            problems.problem(number, "expected a condition after 'when' (recipient, subject, body, subject-or-body, attachment,"
                    + " sensitive or always)");
            return Optional.empty();
        }
        String text = rest.stream().map(Token::written).collect(Collectors.joining(" ")).replace(" ,", ",");
        String subject = rest.get(0).value().toLowerCase(Locale.ROOT);
        List<Token> args = rest.subList(1, rest.size());
        switch (subject) {
            case "always":
                if (!args.isEmpty()) {
                    problems.problem(number, "'always' takes nothing after it");
                    return Optional.empty();
                }
                return Optional.of(new Condition.Always());
            case "recipient":
                return recipient(args, text, number);
            case "subject":
                return textMatch(TextField.SUBJECT, args, text, number);
            case "body":
                return textMatch(TextField.BODY, args, text, number);
            case "subject-or-body":
                return textMatch(TextField.SUBJECT_OR_BODY, args, text, number);
            case "attachment":
                return attachment(args, text, number);
            case "sensitive":
                return sensitive(args, text, number);
            default:
                problems.problem(number, "unknown condition '" + rest.get(0).value()
                        + "' (expected recipient, subject, body, subject-or-body, attachment, sensitive or always)");
                return Optional.empty();
        }
    }

    private Optional<Condition> recipient(List<Token> args, String text, int number) {
        String usage = "expected: recipient inside | recipient outside | recipient domain D[, D...] | recipient address A[, A...]";
        if (args.isEmpty() || args.get(0).kind() != Kind.WORD) {
            problems.problem(number, usage);
            return Optional.empty();
        }
        String scope = args.get(0).value().toLowerCase(Locale.ROOT);
        switch (scope) {
            case "inside", "outside" -> {
                if (args.size() != 1) {
                    problems.problem(number, "'recipient " + scope + "' takes nothing after it");
                    return Optional.empty();
                }
                return Optional.of(new Condition.Recipient(scope.equals("inside") ? RecipientScope.INSIDE
                        : RecipientScope.OUTSIDE, List.of(), text));
            }
            case "domain", "address" -> {
                Optional<List<String>> values = values(args.subList(1, args.size()), number, usage);
                if (values.isEmpty()) {
                    return Optional.empty();
                }
                Pattern valid = scope.equals("domain") ? DOMAIN : ADDRESS;
                for (String value : values.get()) {
                    if (!valid.matcher(value).matches()) {
                        problems.problem(number, "'" + value + "' is not "
                                + (scope.equals("domain") ? "a domain name" : "an e-mail address"));
                        return Optional.empty();
                    }
                }
                return Optional.of(new Condition.Recipient(scope.equals("domain") ? RecipientScope.DOMAIN
                        : RecipientScope.ADDRESS, values.get(), text));
            }
            default -> {
                problems.problem(number, usage);
                return Optional.empty();
            }
        }
    }

    private Optional<Condition> textMatch(TextField field, List<Token> args, String text, int number) {
        String usage = "expected: " + text.split(" ")[0] + " contains WORD[, \"PHRASE\"...]  or  " + text.split(" ")[0]
                + " matches /REGEX/FLAGS";
        if (args.isEmpty()) {
            problems.problem(number, usage);
            return Optional.empty();
        }
        if (args.get(0).isWord("contains")) {
            Optional<List<String>> keywords = values(args.subList(1, args.size()), number, usage);
            if (keywords.isEmpty()) {
                return Optional.empty();
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String keyword : keywords.get()) {
                if (keyword.isBlank()) {
                    problems.problem(number, "an empty keyword");
                    return Optional.empty();
                }
                patterns.add(Conditions.keyword(keyword));
            }
            return Optional.of(new Condition.TextMatch(field, patterns, false, text));
        } else if (args.get(0).isWord("matches")) {
            if (args.size() != 2 || args.get(1).kind() != Kind.REGEX) {
                problems.problem(number, "'matches' takes one regular expression written /REGEX/FLAGS");
                return Optional.empty();
            }
            Token regex = args.get(1);
            int flags = 0;
            for (char flag : regex.flags().toCharArray()) {
                switch (flag) {
                    case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> flags |= Pattern.MULTILINE;
                    case 's' -> flags |= Pattern.DOTALL;
                    default -> {
                        problems.problem(number, "unknown regular expression flag '" + flag + "' (expected i, m or s)");
                        return Optional.empty();
                    }
                }
            }
            if (regex.value().isEmpty()) {
                problems.problem(number, "the regular expression is empty");
                return Optional.empty();
            }
            try {
                return Optional.of(new Condition.TextMatch(field, List.of(Pattern.compile(regex.value(), flags)), true, text));
            } catch (PatternSyntaxException e) {
                problems.problem(number, "invalid regular expression " + regex.written() + ": " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
                return Optional.empty();
            }
        }
        problems.problem(number, usage);
        return Optional.empty();
    }

    private Optional<Condition> attachment(List<Token> args, String text, int number) {
        String usage = "expected: attachment name GLOB[, GLOB...]  or  attachment type TYPE/SUBTYPE[, ...]";
        if (args.isEmpty() || !(args.get(0).isWord("name") || args.get(0).isWord("type"))) {
            problems.problem(number, usage);
            return Optional.empty();
        }
        boolean byName = args.get(0).isWord("name");
        Optional<List<String>> values = values(args.subList(1, args.size()), number, usage);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> patterns = new ArrayList<>();
        for (String value : values.get()) {
            if (byName ? value.isBlank() : !MEDIA_TYPE.matcher(value).matches()) {
                problems.problem(number, "'" + value + "' is not " + (byName ? "a file name pattern" : "a media type (type/subtype or type/*)"));
                return Optional.empty();
            }
            patterns.add(byName ? value : value.toLowerCase(Locale.ROOT));
        }
        return Optional.of(new Condition.Attachment(byName, patterns, text));
    }

    private Optional<Condition> sensitive(List<Token> args, String text, int number) {
        String usage = "expected: sensitive TYPE [>= N] [confidence low|medium|high], TYPE one of "
                + Arrays.stream(SensitiveType.values()).map(SensitiveType::ruleName).collect(Collectors.joining(", "));
        if (args.isEmpty() || args.get(0).kind() != Kind.WORD) {
            problems.problem(number, usage);
            return Optional.empty();
        }
        Optional<SensitiveType> type = SensitiveType.byRuleName(args.get(0).value().toLowerCase(Locale.ROOT));
        if (type.isEmpty()) {
            problems.problem(number, "unknown sensitive information type '" + args.get(0).value() + "'; " + usage);
            return Optional.empty();
        }
        int count = 1;
        Confidence confidence = Confidence.MEDIUM;
        int index = 1;
        while (index < args.size()) {
            Token token = args.get(index);
            Matcher glued = AT_LEAST.matcher(token.value());
            if (token.kind() == Kind.WORD && glued.matches()) {
                count = Integer.parseInt(glued.group(1));
                index++;
            } else if (token.isWord(">=") && index + 1 < args.size() && args.get(index + 1).value().matches("\\d{1,6}")) {
                count = Integer.parseInt(args.get(index + 1).value());
                index += 2;
            } else if (token.isWord("confidence") && index + 1 < args.size()
                    && Confidence.byRuleName(args.get(index + 1).value().toLowerCase(Locale.ROOT)).isPresent()) {
                confidence = Confidence.byRuleName(args.get(index + 1).value().toLowerCase(Locale.ROOT)).orElseThrow();
                index += 2;
            } else {
                problems.problem(number, "unexpected '" + token.written() + "'; " + usage);
                return Optional.empty();
            }
        }
        if (count < 1) {
            problems.problem(number, "the minimum count must be 1 or more");
            return Optional.empty();
        }
        return Optional.of(new Condition.Sensitive(type.get(), count, confidence, text));
    }

    /**
     * @param rest the tokens after {@code then}
     * @param number the line
     * @return the action (a template still to be resolved by name), or empty after reporting the problem
     */
    Optional<ActionStatement> action(List<Token> rest, int number) {
        String usage = "expected: then template NAME [branding BRANDING] | then require-signing | then block \"MESSAGE\""
                + " | then warn \"MESSAGE\"";
        if (rest.isEmpty() || rest.get(0).kind() != Kind.WORD) {
            problems.problem(number, usage);
            return Optional.empty();
        }
        String verb = rest.get(0).value().toLowerCase(Locale.ROOT);
        List<Token> args = rest.subList(1, rest.size());
        switch (verb) {
            case "template":
                if (args.size() == 1 && isName(args.get(0))) {
                    return Optional.of(new TemplateReference(args.get(0).value(), Optional.empty(), number));
                } else if (args.size() == 3 && isName(args.get(0)) && args.get(1).isWord("branding") && isName(args.get(2))) {
                    return Optional.of(new TemplateReference(args.get(0).value(), Optional.of(args.get(2).value()), number));
                }
                problems.problem(number, "expected: then template NAME [branding BRANDING]");
                return Optional.empty();
            case "require-signing":
                if (!args.isEmpty()) {
                    problems.problem(number, "'require-signing' takes nothing after it");
                    return Optional.empty();
                }
                return Optional.of(new Resolved(new RuleAction.RequireSigning()));
            case "block":
            case "warn":
                if (args.size() != 1 || args.get(0).kind() != Kind.STRING || args.get(0).value().isBlank()) {
                    problems.problem(number, "expected: then " + verb + " \"MESSAGE TO THE USER\"");
                    return Optional.empty();
                }
                String message = args.get(0).value().strip();
                return Optional.of(new Resolved(verb.equals("block") ? new RuleAction.Block(message) : new RuleAction.Warn(message)));
            default:
                problems.problem(number, "unknown action '" + rest.get(0).value() + "'; " + usage);
                return Optional.empty();
        }
    }

    /** @return the values of a comma-separated list of words or strings, or empty after reporting the problem */
    Optional<List<String>> values(List<Token> tokens, int number, String usage) {
        List<String> values = new ArrayList<>();
        boolean expectValue = true;
        for (Token token : tokens) {
            if (expectValue && (token.kind() == Kind.WORD || token.kind() == Kind.STRING)) {
                values.add(token.value());
                expectValue = false;
            } else if (!expectValue && token.kind() == Kind.COMMA) {
                expectValue = true;
            } else {
                problems.problem(number, token.kind() == Kind.COMMA ? "a comma without a value before it"
                        : "separate values with commas, or quote a phrase: unexpected " + token.written());
                return Optional.empty();
            }
        }
        if (values.isEmpty() || expectValue) {
            problems.problem(number, values.isEmpty() ? usage : "a trailing comma");
            return Optional.empty();
        }
        return Optional.of(values);
    }

    static boolean isName(Token token) {
        return token.kind() == Kind.WORD && NAME.matcher(token.value()).matches();
    }

}

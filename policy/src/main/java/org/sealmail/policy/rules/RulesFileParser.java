package org.sealmail.policy.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.ProtectionTemplateFile;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.branding.BrandingFile;
import org.sealmail.policy.branding.BrandingTemplate;
import org.sealmail.policy.detect.Confidence;
import org.sealmail.policy.detect.SensitiveType;
import org.sealmail.policy.rules.Condition.RecipientScope;
import org.sealmail.policy.rules.Condition.TextField;
import org.sealmail.policy.rules.RuleLineTokenizer.Kind;
import org.sealmail.policy.rules.RuleLineTokenizer.Token;

/**
 * Reads a rules file (docs/protection-rules.md): UTF-8 lines of directives ({@code organization},
 * {@code template}, {@code branding}, {@code default-branding}, {@code timeout}) and rules, each a
 * {@code rule NAME} line followed by indented {@code match}, {@code when} and {@code then} lines.
 * Template and branding files named by the rules file are read too, relative to it. The file is
 * taken whole or not at all: every problem (syntax, unknown template or branding, invalid
 * regular expression, a bad referenced file) is collected with its file and line, and any problem
 * rejects the file.
 */
public final class RulesFileParser {

    /** Shortest evaluation bound a rules file may set. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    /** Longest evaluation bound a rules file may set. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern ADDRESS = Pattern.compile("(?i)[^\\s@\",]+@" + DOMAIN.pattern().substring(4));
    private static final Pattern MEDIA_TYPE = Pattern.compile("(?i)[a-z0-9][a-z0-9!#$&^_.+-]*/(?:\\*|[a-z0-9][a-z0-9!#$&^_.+-]*)");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,6})\\s*(ms|s)");
    private static final Pattern AT_LEAST = Pattern.compile(">=(\\d{1,6})");

    private final String source;
    private final Path baseDirectory;
    private final List<PolicyFileProblem> problems = new ArrayList<>();
    private final List<String> organization = new ArrayList<>();
    private int organizationLine;
    private final Map<String, TemplateDeclaration> templates = new LinkedHashMap<>();
    private final Map<String, BrandingDeclaration> brandings = new LinkedHashMap<>();
    private String defaultBranding;
    private int defaultBrandingLine;
    private Duration timeout = RuleSet.DEFAULT_TIMEOUT;
    private int timeoutLine;
    private final List<PendingRule> rules = new ArrayList<>();
    private PendingRule current;

    private record TemplateDeclaration(String name, Optional<Path> file, Optional<String> branding, int line) {
    }

    private record BrandingDeclaration(String name, Path file, int line) {
    }

    private record TemplateReference(String name, Optional<String> branding, int line) {
    }

    private record RecipientCheck(Condition.Recipient condition, int line) {
    }

    private static final class PendingRule {
        final String name;
        final int line;
        MatchMode mode = MatchMode.ALL;
        int modeLine;
        final List<Condition> conditions = new ArrayList<>();
        final List<Object> actions = new ArrayList<>();
        final List<RecipientCheck> organizationChecks = new ArrayList<>();
        boolean hadProblems;

        PendingRule(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    private RulesFileParser(String source, Path baseDirectory) {
        this.source = source;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Reads and parses a rules file.
     *
     * @param file the rules file (UTF-8)
     * @return the rule set
     * @throws PolicyFileException if the file cannot be read or has any problem
     */
    public static RuleSet read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new PolicyFileException(List.of(new PolicyFileProblem(file.toString(), 0, "file not found")));
        } catch (CharacterCodingException e) {
            throw new PolicyFileException(List.of(new PolicyFileProblem(file.toString(), 0, "not UTF-8 text")));
        } catch (IOException e) {
            throw new PolicyFileException(List.of(new PolicyFileProblem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Parses rules-file text.
     *
     * @param text the file's text
     * @param source what to call it in problems (its path)
     * @param baseDirectory where relative template and branding paths start
     * @return the rule set
     * @throws PolicyFileException with every problem found
     */
    public static RuleSet parse(String text, String source, Path baseDirectory) {
        RulesFileParser parser = new RulesFileParser(source, baseDirectory);
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            parser.line(lines[index], index + 1);
        }
        return parser.finish();
    }

    private void problem(int line, String reason) {
        problems.add(new PolicyFileProblem(source, line, reason));
        if (current != null) {
            current.hadProblems = true;
        }
    }

    private void line(String raw, int number) {
        List<Token> tokens;
        try {
            tokens = RuleLineTokenizer.tokenize(raw);
        } catch (RuleLineTokenizer.TokenizeException e) {
            problem(number, e.getMessage());
            return;
        }
        if (tokens.isEmpty()) {
            return;
        }
        boolean indented = Character.isWhitespace(raw.charAt(0));
        Token first = tokens.get(0);
        List<Token> rest = tokens.subList(1, tokens.size());
        if (first.kind() != Kind.WORD) {
            problem(number, "a line starts with a keyword, not " + first.written());
            return;
        }
        String keyword = first.value().toLowerCase(Locale.ROOT);
        if (indented) {
            if (current == null) {
                problem(number, "indented line outside a rule (start a rule with: rule \"NAME\")");
                return;
            }
            switch (keyword) {
                case "when" -> condition(rest, number);
                case "then" -> action(rest, number);
                case "match" -> matchMode(rest, number);
                default -> problem(number, "unknown rule line '" + first.value() + "' (expected when, then or match)");
            }
            return;
        }
        switch (keyword) {
            case "rule" -> {
                current = null;
                rule(rest, number);
            }
            case "organization" -> organization(rest, number);
            case "template" -> template(rest, number);
            case "branding" -> branding(rest, number);
            case "default-branding" -> defaultBranding(rest, number);
            case "timeout" -> timeout(rest, number);
            case "when", "then", "match" -> problem(number, "'" + keyword + "' must be indented under a rule line");
            default -> problem(number, "unknown directive '" + first.value()
                    + "' (expected rule, organization, template, branding, default-branding or timeout)");
        }
    }

    private void rule(List<Token> rest, int number) {
        String name;
        if (rest.size() == 1 && rest.get(0).kind() == Kind.STRING) {
            name = rest.get(0).value().strip();
        } else if (!rest.isEmpty() && rest.stream().allMatch(token -> token.kind() == Kind.WORD)) {
            name = rest.stream().map(Token::value).collect(Collectors.joining(" "));
        } else {
            problem(number, "expected: rule \"NAME\"");
            current = new PendingRule("(line " + number + ")", number);
            return;
        }
        if (name.isEmpty()) {
            problem(number, "the rule has an empty name");
        }
        for (PendingRule rule : rules) {
            if (rule.name.equalsIgnoreCase(name)) {
                problem(number, "rule '" + name + "' is already defined on line " + rule.line);
            }
        }
        current = new PendingRule(name, number);
        rules.add(current);
    }

    private void organization(List<Token> rest, int number) {
        Optional<List<String>> domains = values(rest, number, "organization DOMAIN[, DOMAIN...]");
        if (domains.isEmpty()) {
            return;
        }
        for (String domain : domains.get()) {
            if (DOMAIN.matcher(domain).matches()) {
                organization.add(domain.toLowerCase(Locale.ROOT));
            } else {
                problem(number, "'" + domain + "' is not a domain name");
            }
        }
        if (organizationLine == 0) {
            organizationLine = number;
        }
    }

    private void template(List<Token> rest, int number) {
        if (rest.isEmpty() || !isName(rest.get(0))) {
            problem(number, "expected: template NAME = FILE [branding BRANDING]  or  template encrypt|do-not-forward branding BRANDING");
            return;
        }
        String name = rest.get(0).value();
        Optional<Path> file = Optional.empty();
        int index = 1;
        if (index < rest.size() && rest.get(index).isWord("=")) {
            if (index + 1 >= rest.size() || rest.get(index + 1).kind() == Kind.COMMA) {
                problem(number, "template '" + name + "': '=' needs a file");
                return;
            }
            file = Optional.of(baseDirectory.resolve(rest.get(index + 1).value()));
            index += 2;
        }
        Optional<String> branding = Optional.empty();
        if (index < rest.size()) {
            if (index + 2 == rest.size() && rest.get(index).isWord("branding") && isName(rest.get(index + 1))) {
                branding = Optional.of(rest.get(index + 1).value());
            } else {
                problem(number, "unexpected '" + rest.get(index).written() + "' (expected: template NAME = FILE [branding BRANDING])");
                return;
            }
        }
        boolean builtIn = ProtectionTemplate.builtIn(name).isPresent();
        if (builtIn && file.isPresent()) {
            problem(number, "'" + name + "' is a built-in template; to brand it write: template " + name + " branding NAME");
            return;
        }
        if (!builtIn && file.isEmpty()) {
            problem(number, "template '" + name + "' needs a file: template " + name + " = FILE"
                    + " (the built-in templates are encrypt and do-not-forward)");
            return;
        }
        if (builtIn && branding.isEmpty()) {
            problem(number, "template '" + name + "' is built in: nothing to declare without a branding");
            return;
        }
        TemplateDeclaration previous = templates.putIfAbsent(name, new TemplateDeclaration(name, file, branding, number));
        if (previous != null) {
            problem(number, "template '" + name + "' is already declared on line " + previous.line());
        }
    }

    private void branding(List<Token> rest, int number) {
        if (rest.size() != 3 || !isName(rest.get(0)) || !rest.get(1).isWord("=") || rest.get(2).kind() == Kind.COMMA) {
            problem(number, "expected: branding NAME = FILE");
            return;
        }
        String name = rest.get(0).value();
        BrandingDeclaration previous = brandings.putIfAbsent(name,
                new BrandingDeclaration(name, baseDirectory.resolve(rest.get(2).value()), number));
        if (previous != null) {
            problem(number, "branding '" + name + "' is already declared on line " + previous.line());
        }
    }

    private void defaultBranding(List<Token> rest, int number) {
        if (rest.size() != 1 || !isName(rest.get(0))) {
            problem(number, "expected: default-branding NAME");
            return;
        }
        if (defaultBranding != null) {
            problem(number, "default-branding is already set on line " + defaultBrandingLine);
            return;
        }
        defaultBranding = rest.get(0).value();
        defaultBrandingLine = number;
    }

    private void timeout(List<Token> rest, int number) {
        String value = rest.stream().map(Token::value).collect(Collectors.joining(" "));
        Matcher matcher = TIMEOUT.matcher(value);
        if (!matcher.matches() || rest.stream().anyMatch(token -> token.kind() != Kind.WORD)) {
            problem(number, "expected: timeout N ms  or  timeout N s");
            return;
        }
        if (timeoutLine != 0) {
            problem(number, "timeout is already set on line " + timeoutLine);
            return;
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        if (duration.compareTo(MIN_TIMEOUT) < 0 || duration.compareTo(MAX_TIMEOUT) > 0) {
            problem(number, "timeout must be between " + MIN_TIMEOUT.toMillis() + " ms and " + MAX_TIMEOUT.toSeconds() + " s");
            return;
        }
        timeout = duration;
        timeoutLine = number;
    }

    private void matchMode(List<Token> rest, int number) {
        if (rest.size() != 1 || !(rest.get(0).isWord("all") || rest.get(0).isWord("any"))) {
            problem(number, "expected: match all  or  match any");
            return;
        }
        if (current.modeLine != 0) {
            problem(number, "the rule's match mode is already set on line " + current.modeLine);
            return;
        }
        current.mode = rest.get(0).isWord("any") ? MatchMode.ANY : MatchMode.ALL;
        current.modeLine = number;
    }

    private void condition(List<Token> rest, int number) {
        if (rest.isEmpty() || rest.get(0).kind() != Kind.WORD) {
            problem(number, "expected a condition after 'when' (recipient, subject, body, subject-or-body, attachment,"
                    + " sensitive or always)");
            return;
        }
        String text = rest.stream().map(Token::written).collect(Collectors.joining(" ")).replace(" ,", ",");
        String subject = rest.get(0).value().toLowerCase(Locale.ROOT);
        List<Token> args = rest.subList(1, rest.size());
        switch (subject) {
            case "always" -> {
                if (!args.isEmpty()) {
                    problem(number, "'always' takes nothing after it");
                    return;
                }
                current.conditions.add(new Condition.Always());
            }
            case "recipient" -> recipient(args, text, number);
            case "subject" -> textMatch(TextField.SUBJECT, args, text, number);
            case "body" -> textMatch(TextField.BODY, args, text, number);
            case "subject-or-body" -> textMatch(TextField.SUBJECT_OR_BODY, args, text, number);
            case "attachment" -> attachment(args, text, number);
            case "sensitive" -> sensitive(args, text, number);
            default -> problem(number, "unknown condition '" + rest.get(0).value()
                    + "' (expected recipient, subject, body, subject-or-body, attachment, sensitive or always)");
        }
    }

    private void recipient(List<Token> args, String text, int number) {
        String usage = "expected: recipient inside | recipient outside | recipient domain D[, D...] | recipient address A[, A...]";
        if (args.isEmpty() || args.get(0).kind() != Kind.WORD) {
            problem(number, usage);
            return;
        }
        String scope = args.get(0).value().toLowerCase(Locale.ROOT);
        switch (scope) {
            case "inside", "outside" -> {
                if (args.size() != 1) {
                    problem(number, "'recipient " + scope + "' takes nothing after it");
                    return;
                }
                Condition.Recipient condition = new Condition.Recipient(scope.equals("inside") ? RecipientScope.INSIDE
                        : RecipientScope.OUTSIDE, List.of(), text);
                current.conditions.add(condition);
                current.organizationChecks.add(new RecipientCheck(condition, number));
            }
            case "domain", "address" -> {
                Optional<List<String>> values = values(args.subList(1, args.size()), number, usage);
                if (values.isEmpty()) {
                    return;
                }
                Pattern valid = scope.equals("domain") ? DOMAIN : ADDRESS;
                for (String value : values.get()) {
                    if (!valid.matcher(value).matches()) {
                        problem(number, "'" + value + "' is not " + (scope.equals("domain") ? "a domain name" : "an e-mail address"));
                        return;
                    }
                }
                current.conditions.add(new Condition.Recipient(scope.equals("domain") ? RecipientScope.DOMAIN
                        : RecipientScope.ADDRESS, values.get(), text));
            }
            default -> problem(number, usage);
        }
    }

    private void textMatch(TextField field, List<Token> args, String text, int number) {
        String usage = "expected: " + text.split(" ")[0] + " contains WORD[, \"PHRASE\"...]  or  " + text.split(" ")[0]
                + " matches /REGEX/FLAGS";
        if (args.isEmpty()) {
            problem(number, usage);
            return;
        }
        if (args.get(0).isWord("contains")) {
            Optional<List<String>> keywords = values(args.subList(1, args.size()), number, usage);
            if (keywords.isEmpty()) {
                return;
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String keyword : keywords.get()) {
                if (keyword.isBlank()) {
                    problem(number, "an empty keyword");
                    return;
                }
                patterns.add(Conditions.keyword(keyword));
            }
            current.conditions.add(new Condition.TextMatch(field, patterns, false, text));
        } else if (args.get(0).isWord("matches")) {
            if (args.size() != 2 || args.get(1).kind() != Kind.REGEX) {
                problem(number, "'matches' takes one regular expression written /REGEX/FLAGS");
                return;
            }
            Token regex = args.get(1);
            int flags = 0;
            for (char flag : regex.flags().toCharArray()) {
                switch (flag) {
                    case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> flags |= Pattern.MULTILINE;
                    case 's' -> flags |= Pattern.DOTALL;
                    default -> {
                        problem(number, "unknown regular expression flag '" + flag + "' (expected i, m or s)");
                        return;
                    }
                }
            }
            if (regex.value().isEmpty()) {
                problem(number, "the regular expression is empty");
                return;
            }
            try {
                current.conditions.add(new Condition.TextMatch(field, List.of(Pattern.compile(regex.value(), flags)), true, text));
            } catch (PatternSyntaxException e) {
                problem(number, "invalid regular expression " + regex.written() + ": " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
            }
        } else {
            problem(number, usage);
        }
    }

    private void attachment(List<Token> args, String text, int number) {
        String usage = "expected: attachment name GLOB[, GLOB...]  or  attachment type TYPE/SUBTYPE[, ...]";
        if (args.isEmpty() || !(args.get(0).isWord("name") || args.get(0).isWord("type"))) {
            problem(number, usage);
            return;
        }
        boolean byName = args.get(0).isWord("name");
        Optional<List<String>> values = values(args.subList(1, args.size()), number, usage);
        if (values.isEmpty()) {
            return;
        }
        List<String> patterns = new ArrayList<>();
        for (String value : values.get()) {
            if (byName ? value.isBlank() : !MEDIA_TYPE.matcher(value).matches()) {
                problem(number, "'" + value + "' is not " + (byName ? "a file name pattern" : "a media type (type/subtype or type/*)"));
                return;
            }
            patterns.add(byName ? value : value.toLowerCase(Locale.ROOT));
        }
        current.conditions.add(new Condition.Attachment(byName, patterns, text));
    }

    private void sensitive(List<Token> args, String text, int number) {
        String usage = "expected: sensitive TYPE [>= N] [confidence low|medium|high], TYPE one of "
                + Arrays.stream(SensitiveType.values()).map(SensitiveType::ruleName).collect(Collectors.joining(", "));
        if (args.isEmpty() || args.get(0).kind() != Kind.WORD) {
            problem(number, usage);
            return;
        }
        Optional<SensitiveType> type = SensitiveType.byRuleName(args.get(0).value().toLowerCase(Locale.ROOT));
        if (type.isEmpty()) {
            problem(number, "unknown sensitive information type '" + args.get(0).value() + "'; " + usage);
            return;
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
                problem(number, "unexpected '" + token.written() + "'; " + usage);
                return;
            }
        }
        if (count < 1) {
            problem(number, "the minimum count must be 1 or more");
            return;
        }
        current.conditions.add(new Condition.Sensitive(type.get(), count, confidence, text));
    }

    private void action(List<Token> rest, int number) {
        String usage = "expected: then template NAME [branding BRANDING] | then require-signing | then block \"MESSAGE\""
                + " | then warn \"MESSAGE\"";
        if (rest.isEmpty() || rest.get(0).kind() != Kind.WORD) {
            problem(number, usage);
            return;
        }
        String verb = rest.get(0).value().toLowerCase(Locale.ROOT);
        List<Token> args = rest.subList(1, rest.size());
        switch (verb) {
            case "template" -> {
                if (args.size() == 1 && isName(args.get(0))) {
                    current.actions.add(new TemplateReference(args.get(0).value(), Optional.empty(), number));
                } else if (args.size() == 3 && isName(args.get(0)) && args.get(1).isWord("branding") && isName(args.get(2))) {
                    current.actions.add(new TemplateReference(args.get(0).value(), Optional.of(args.get(2).value()), number));
                } else {
                    problem(number, "expected: then template NAME [branding BRANDING]");
                }
            }
            case "require-signing" -> {
                if (!args.isEmpty()) {
                    problem(number, "'require-signing' takes nothing after it");
                } else {
                    current.actions.add(new RuleAction.RequireSigning());
                }
            }
            case "block", "warn" -> {
                if (args.size() != 1 || args.get(0).kind() != Kind.STRING || args.get(0).value().isBlank()) {
                    problem(number, "expected: then " + verb + " \"MESSAGE TO THE USER\"");
                } else if (verb.equals("block")) {
                    current.actions.add(new RuleAction.Block(args.get(0).value().strip()));
                } else {
                    current.actions.add(new RuleAction.Warn(args.get(0).value().strip()));
                }
            }
            default -> problem(number, "unknown action '" + rest.get(0).value() + "'; " + usage);
        }
    }

    /** A comma-separated list of words or strings. */
    private Optional<List<String>> values(List<Token> tokens, int number, String usage) {
        List<String> values = new ArrayList<>();
        boolean expectValue = true;
        for (Token token : tokens) {
            if (expectValue && (token.kind() == Kind.WORD || token.kind() == Kind.STRING)) {
                values.add(token.value());
                expectValue = false;
            } else if (!expectValue && token.kind() == Kind.COMMA) {
                expectValue = true;
            } else {
                problem(number, token.kind() == Kind.COMMA ? "a comma without a value before it"
                        : "separate values with commas, or quote a phrase: unexpected " + token.written());
                return Optional.empty();
            }
        }
        if (values.isEmpty() || expectValue) {
            problem(number, values.isEmpty() ? usage : "a trailing comma");
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static boolean isName(Token token) {
        return token.kind() == Kind.WORD && NAME.matcher(token.value()).matches();
    }

    private RuleSet finish() {
        Map<String, BrandingTemplate> loadedBrandings = new LinkedHashMap<>();
        for (BrandingDeclaration declaration : brandings.values()) {
            try {
                BrandingTemplate branding = BrandingFile.read(declaration.file());
                loadedBrandings.put(declaration.name(), branding);
            } catch (PolicyFileException e) {
                for (PolicyFileProblem nested : e.problems()) {
                    problem(declaration.line(), "branding '" + declaration.name() + "': " + nested);
                }
            }
        }
        Optional<BrandingTemplate> fallback = Optional.of(BrandingTemplate.DEFAULT);
        if (defaultBranding != null) {
            fallback = brandingNamed(defaultBranding, defaultBrandingLine, loadedBrandings);
        }
        Map<String, ProtectionTemplate> loadedTemplates = new LinkedHashMap<>();
        Map<String, Optional<BrandingTemplate>> templateBrandings = new LinkedHashMap<>();
        for (TemplateDeclaration declaration : templates.values()) {
            if (declaration.file().isPresent()) {
                try {
                    loadedTemplates.put(declaration.name(), ProtectionTemplateFile.read(declaration.file().get()));
                } catch (CryptoException e) {
                    problem(declaration.line(), "template '" + declaration.name() + "': " + e.getMessage());
                }
            }
            templateBrandings.put(declaration.name(), declaration.branding().isPresent()
                    ? brandingNamed(declaration.branding().get(), declaration.line(), loadedBrandings) : fallback);
        }
        List<Rule> built = new ArrayList<>();
        for (PendingRule rule : rules) {
            if (rule.conditions.isEmpty() && !rule.hadProblems) {
                problem(rule.line, "rule '" + rule.name + "' has no 'when' condition (write 'when always' to match"
                        + " every message)");
            }
            if (rule.actions.isEmpty() && !rule.hadProblems) {
                problem(rule.line, "rule '" + rule.name + "' has no 'then' action");
            }
            if (organization.isEmpty()) {
                for (RecipientCheck check : rule.organizationChecks) {
                    problem(check.line(), "'" + check.condition().text() + "' needs the organization's domains: add a line"
                            + " 'organization example.com'");
                }
            }
            List<RuleAction> actions = new ArrayList<>();
            for (Object action : rule.actions) {
                if (action instanceof TemplateReference reference) {
                    resolve(reference, loadedTemplates, templateBrandings, loadedBrandings, fallback).ifPresent(actions::add);
                } else {
                    actions.add((RuleAction) action);
                }
            }
            if (problems.isEmpty()) {
                built.add(new Rule(rule.name, rule.line, rule.mode, rule.conditions, actions));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(PolicyFileProblem::line));
            throw new PolicyFileException(problems);
        }
        return new RuleSet(source, organization, built, timeout);
    }

    private Optional<RuleAction> resolve(TemplateReference reference, Map<String, ProtectionTemplate> loadedTemplates,
            Map<String, Optional<BrandingTemplate>> templateBrandings, Map<String, BrandingTemplate> loadedBrandings,
            Optional<BrandingTemplate> fallback) {
        Optional<ProtectionTemplate> template = ProtectionTemplate.builtIn(reference.name());
        if (template.isEmpty()) {
            template = Optional.ofNullable(loadedTemplates.get(reference.name()));
        }
        if (template.isEmpty()) {
            if (!templates.containsKey(reference.name())) {
                problem(reference.line(), "unknown template '" + reference.name() + "' (known: "
                        + String.join(", ", knownTemplates()) + ")");
            }
            return Optional.empty();
        }
        Optional<BrandingTemplate> branding = reference.branding().isPresent()
                ? brandingNamed(reference.branding().get(), reference.line(), loadedBrandings)
                : templateBrandings.getOrDefault(reference.name(), fallback);
        ProtectionTemplate resolved = template.get();
        return branding.map(value -> new RuleAction.ApplyTemplate(resolved, value));
    }

    private List<String> knownTemplates() {
        List<String> known = new ArrayList<>(List.of(ProtectionTemplate.ENCRYPT.id(), ProtectionTemplate.DO_NOT_FORWARD.id()));
        templates.keySet().stream().filter(name -> !known.contains(name)).forEach(known::add);
        return known;
    }

    private Optional<BrandingTemplate> brandingNamed(String name, int line, Map<String, BrandingTemplate> loaded) {
        if (name.equals(BrandingTemplate.DEFAULT.name()) && !brandings.containsKey(name)) {
            return Optional.of(BrandingTemplate.DEFAULT);
        }
        BrandingTemplate branding = loaded.get(name);
        if (branding == null && !brandings.containsKey(name)) {
            problem(line, "unknown branding '" + name + "' (declare it with: branding " + name + " = FILE)");
        }
        return Optional.ofNullable(branding);
    }
}

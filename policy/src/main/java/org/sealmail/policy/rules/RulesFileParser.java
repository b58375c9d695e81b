package org.sealmail.policy.rules;

import org.sealmail.crypto.BoundedFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.rights.template.ProtectionTemplate;
import org.sealmail.crypto.rights.template.ProtectionTemplateFile;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.sealmail.policy.branding.BrandingFile;
import org.sealmail.policy.branding.BrandingTemplate;
import org.sealmail.policy.rules.Condition.RecipientScope;
import org.sealmail.policy.rules.RuleLineTokenizer.Kind;
import org.sealmail.policy.rules.RuleLineTokenizer.Token;
import org.sealmail.policy.rules.RuleStatementParser.ActionStatement;
import org.sealmail.policy.rules.RuleStatementParser.TemplateReference;

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

    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,6})\\s*(ms|s)");

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

    private record RecipientCheck(Condition.Recipient condition, int line) {
    }

    private static final class PendingRule {
        final String name;
        final int line;
        MatchMode mode = MatchMode.ALL;
        int modeLine;
        final List<Condition> conditions = new ArrayList<>();
        final List<ActionStatement> actions = new ArrayList<>();
        final List<RecipientCheck> organizationChecks = new ArrayList<>();
        boolean hadProblems;

        PendingRule(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    private final RuleStatementParser statements = new RuleStatementParser(this::problem);

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
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(BoundedFiles.read(file, BoundedFiles.TEXT_LIMIT))).toString();
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
                case "when" -> statements.condition(rest, number).ifPresent(condition -> {
                    current.conditions.add(condition);
                    if (condition instanceof Condition.Recipient recipient && (recipient.scope() == RecipientScope.INSIDE
                            || recipient.scope() == RecipientScope.OUTSIDE)) {
                        current.organizationChecks.add(new RecipientCheck(recipient, number));
                    }
                });
                case "then" -> statements.action(rest, number).ifPresent(current.actions::add);
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
        Optional<List<String>> domains = statements.values(rest, number, "organization DOMAIN[, DOMAIN...]");
        if (domains.isEmpty()) {
            return;
        }
        for (String domain : domains.get()) {
            if (RuleStatementParser.DOMAIN.matcher(domain).matches()) {
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
        if (rest.isEmpty() || !RuleStatementParser.isName(rest.get(0))) {
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
            if (index + 2 == rest.size() && rest.get(index).isWord("branding") && RuleStatementParser.isName(rest.get(index + 1))) {
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
        if (rest.size() != 3 || !RuleStatementParser.isName(rest.get(0)) || !rest.get(1).isWord("=") || rest.get(2).kind() == Kind.COMMA) {
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
        if (rest.size() != 1 || !RuleStatementParser.isName(rest.get(0))) {
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
            for (ActionStatement action : rule.actions) {
                if (action instanceof TemplateReference reference) {
                    resolve(reference, loadedTemplates, templateBrandings, loadedBrandings, fallback).ifPresent(actions::add);
                } else if (action instanceof RuleStatementParser.Resolved resolved) {
                    actions.add(resolved.action());
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
        Map<String, BrandingTemplate> declaredBrandings = new LinkedHashMap<>();
        templateBrandings.forEach((name, branding) -> branding.ifPresent(value -> declaredBrandings.put(
                loadedTemplates.containsKey(name) ? loadedTemplates.get(name).id() : name, value)));
        return new RuleSet(source, organization, built, timeout, declaredBrandings, fallback.orElse(BrandingTemplate.DEFAULT));
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

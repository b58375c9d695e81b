package org.sealmail.policy.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealmail.policy.PolicyFileException;
import org.sealmail.policy.PolicyFileProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force. A reload swaps in a new {@link RuleSet} only if the whole rules file parses;
 * otherwise the previous rule set stays in force and the problems are kept for the user. When a
 * rules file is configured but no version of it has ever loaded, there is no rule set and the send
 * pipeline holds every message rather than sending it unchecked. Thread-safe.
 */
public final class RuleSetHolder {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);

    private final Optional<Path> file;
    private volatile Optional<RuleSet> current;
    private volatile List<PolicyFileProblem> problems = List.of();

    private RuleSetHolder(Optional<Path> file, Optional<RuleSet> current) {
        this.file = file;
        this.current = current;
    }

    /** @return a holder for a client with no rules file configured: {@link RuleSet#EMPTY}, every message sent as composed */
    public static RuleSetHolder withoutRulesFile() {
        return new RuleSetHolder(Optional.empty(), Optional.of(RuleSet.EMPTY));
    }

    /**
     * @param file the configured rules file
     * @return a holder that has tried to load it once (see {@link #problems()} if it failed)
     */
    public static RuleSetHolder load(Path file) {
        RuleSetHolder holder = new RuleSetHolder(Optional.of(Objects.requireNonNull(file, "file")), Optional.empty());
        holder.reload();
        return holder;
    }

    /**
     * For a rules file at a fixed place (the profile's): if the file does not exist, no rules apply
     * ({@link RuleSet#EMPTY}) until it is created and reloaded; if it exists, it is loaded as by
     * {@link #load} (a file that does not load holds outgoing mail). A file deleted later keeps the
     * rules last loaded in force (a reload reports "file not found").
     *
     * @param file where the rules file is, or would be
     * @return a holder that has tried to load it once, or holds no rules when it does not exist
     */
    public static RuleSetHolder loadIfPresent(Path file) {
        Objects.requireNonNull(file, "file");
        // only a file that surely does not exist means "no rules": a dangling link or a folder that
        // cannot be entered is a rules file that does not load, and holds outgoing mail
        if (Files.notExists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            LOG.info("rules {}: no such file; no rules apply until it is created", file);
            return new RuleSetHolder(Optional.of(file), Optional.of(RuleSet.EMPTY));
        }
        return load(file);
    }

    /** @return the configured rules file, if any */
    public Optional<Path> file() {
        return file;
    }

    /** @return the rule set in force; empty when a rules file is configured and none of its versions has loaded */
    public Optional<RuleSet> current() {
        return current;
    }

    /** @return the problems of the last rejected load (empty after a successful one) */
    public List<PolicyFileProblem> problems() {
        return problems;
    }

    /**
     * Reads the rules file again.
     *
     * @return the outcome: applied with the new rule set, or rejected with its problems (the previous rules stay)
     */
    public synchronized ReloadResult reload() {
        if (file.isEmpty()) {
            return new ReloadResult(true, current, List.of());
        }
        try {
            RuleSet loaded = RulesFileParser.read(file.get());
            current = Optional.of(loaded);
            problems = List.of();
            LOG.info("rules {}: {} rules in force", file.get(), loaded.rules().size());
            return new ReloadResult(true, current, List.of());
        } catch (PolicyFileException e) {
            problems = e.problems();
            LOG.warn("rules {} rejected; {}: {}", file.get(), current.isPresent() ? "the previous rules stay in force"
                    : "no rules are in force, outgoing mail is held", e.getMessage());
            return new ReloadResult(false, current, problems);
        }
    }

    /**
     * The outcome of a reload.
     *
     * @param applied whether the file loaded and is now in force
     * @param inForce the rule set in force after the reload (the previous one when rejected; empty if none ever loaded)
     * @param problems why it was rejected (empty when applied)
     */
    public record ReloadResult(boolean applied, Optional<RuleSet> inForce, List<PolicyFileProblem> problems) {
        /** Copies the fields. */
        public ReloadResult {
            Objects.requireNonNull(inForce, "inForce");
            problems = List.copyOf(problems);
        }
    }
}

package org.sealmail.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy file was rejected as a whole: it does not parse, names something unknown, or
 * holds an invalid value. Carries every problem found, each with its file and line.
 */
public final class PolicyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyFileProblem> problems;

    /**
     * @param problems what is wrong; at least one
     * @throws IllegalArgumentException if the list is empty
     */
    public PolicyFileException(List<PolicyFileProblem> problems) {
        super(problems.stream().map(PolicyFileProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyFileException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in file order */
    public List<PolicyFileProblem> problems() {
        return problems;
    }
}

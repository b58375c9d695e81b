package org.sealmail.policy.detect;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many items of each {@link SensitiveType} a message holds, per minimum {@link Confidence}.
 * Counts only: no values, no positions.
 */
public final class SensitiveContentReport {

    /** A report with nothing found. */
    public static final SensitiveContentReport EMPTY = new SensitiveContentReport(new EnumMap<>(SensitiveType.class));

    private final Map<SensitiveType, int[]> atLeast;

    SensitiveContentReport(Map<SensitiveType, int[]> atLeast) {
        this.atLeast = new EnumMap<>(SensitiveType.class);
        atLeast.forEach((type, counts) -> this.atLeast.put(type, counts.clone()));
    }

    /**
     * @param type a sensitive type
     * @param minimum the weakest confidence that counts
     * @return how many items of that type were found with at least that confidence (for list types: distinct items)
     */
    public int count(SensitiveType type, Confidence minimum) {
        Objects.requireNonNull(minimum, "minimum");
        int[] counts = atLeast.get(Objects.requireNonNull(type, "type"));
        return counts == null ? 0 : counts[minimum.ordinal()];
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("SensitiveContentReport[");
        atLeast.forEach((type, counts) -> out.append(type.ruleName()).append(" low+=").append(counts[0])
                .append(" medium+=").append(counts[1]).append(" high=").append(counts[2]).append("; "));
        return out.append(']').toString();
    }
}

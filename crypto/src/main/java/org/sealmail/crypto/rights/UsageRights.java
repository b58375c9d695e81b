package org.sealmail.crypto.rights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sealmail.crypto.CryptoException;
import org.sealmail.crypto.CryptoFailure;

/**
 * An immutable set of {@link UsageRight}s. {@link UsageRight#OWNER} implies every other right
 * ({@link #allows}); the set itself keeps exactly what was granted, so licenses round-trip.
 */
public final class UsageRights {

    private static final UsageRights NONE = new UsageRights(EnumSet.noneOf(UsageRight.class));

    private final Set<UsageRight> rights;

    private UsageRights(EnumSet<UsageRight> rights) {
        this.rights = Collections.unmodifiableSet(rights);
    }

    /** @return the empty set */
    public static UsageRights none() {
        return NONE;
    }

    /** @return a set of the given rights */
    public static UsageRights of(UsageRight... rights) {
        EnumSet<UsageRight> set = EnumSet.noneOf(UsageRight.class);
        Collections.addAll(set, rights);
        return new UsageRights(set);
    }

    /** @return a set of the given rights */
    public static UsageRights of(Collection<UsageRight> rights) {
        return rights.isEmpty() ? NONE : new UsageRights(EnumSet.copyOf(rights));
    }

    /**
     * Parses a comma-separated list of RMS right names, e.g. {@code "VIEW, REPLY, REPLYALL"}.
     *
     * @param list the names; blanks around commas are ignored; an empty string is the empty set
     * @return the set
     * @throws CryptoException {@link CryptoFailure#MALFORMED_INPUT} for an unknown or repeated name
     */
    public static UsageRights parse(String list) {
        EnumSet<UsageRight> set = EnumSet.noneOf(UsageRight.class);
        if (list.isBlank()) {
            return NONE;
        }
        for (String name : list.split(",", -1)) {
            if (name.isBlank()) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "empty right name in '" + list.trim() + "'");
            }
            if (!set.add(UsageRight.parse(name))) {
                throw new CryptoException(CryptoFailure.MALFORMED_INPUT, "right " + name.trim().toUpperCase(java.util.Locale.ROOT)
                        + " is listed twice");
            }
        }
        return new UsageRights(set);
    }

    /** @return the rights named, as parsed by {@link UsageRight#parse} */
    public static UsageRights ofNames(List<String> names) {
        EnumSet<UsageRight> set = EnumSet.noneOf(UsageRight.class);
        for (String name : names) {
            set.add(UsageRight.parse(name));
        }
        return new UsageRights(set);
    }

    /** @return true if this set literally contains the right */
    public boolean contains(UsageRight right) {
        return rights.contains(right);
    }

    /** @return true if the right is granted: contained, or implied by {@link UsageRight#OWNER} */
    public boolean allows(UsageRight right) {
        return rights.contains(right) || rights.contains(UsageRight.OWNER);
    }

    /** @return the rights of this set that {@code other} lacks */
    public UsageRights minus(UsageRights other) {
        EnumSet<UsageRight> set = EnumSet.noneOf(UsageRight.class);
        set.addAll(rights);
        set.removeAll(other.rights);
        return new UsageRights(set);
    }

    /** @return true if no right is granted */
    public boolean isEmpty() {
        return rights.isEmpty();
    }

    /** @return the rights in declaration order (unmodifiable) */
    public Set<UsageRight> asSet() {
        return rights;
    }

    /** @return the RMS names in declaration order */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (UsageRight right : rights) {
            names.add(right.name());
        }
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsageRights that && rights.equals(that.rights);
    }

    @Override
    public int hashCode() {
        return rights.hashCode();
    }

    /** @return the names joined with ", ", e.g. {@code "VIEW, REPLY, REPLYALL"}; "(none)" when empty */
    @Override
    public String toString() {
        return rights.isEmpty() ? "(none)" : String.join(", ", names());
    }
}
